package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content a VASP stored (HTML with a script, SVG with a script) never runs in the admin's origin: the admin API and
 * the mailbox endpoints hand it out as a sandboxed download; every console page and API answer carries the security
 * headers. In a browser (Chromium, where installed), an administrator signed in to the console who opens such content
 * runs none of its scripts; the same page served without the gateway's headers does run them, which shows the test
 * would see it.
 */
class SecurityHeadersIT {
    private static final String OUTER = "==MM7-sec-9c1d==";
    private static final String HTML = "<html><body><script>document.title='pwned'</script>hello</body></html>";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    private static String submit(String contentType, String body, String number) {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER)
                .part(Envelopes.submitIn(Gateway.NS, "6.8.0", tx, vasp,
                        "<mm7:To><mm7:Number>" + number + "</mm7:Number></mm7:To>",
                        "<mm7:Content href=\"cid:body@vasp\"/>"),
                        "Content-Type: text/xml; charset=\"utf-8\"", "Content-ID: <soap@vasp>")
                .part(body, "Content-Type: " + contentType, "Content-ID: <body@vasp>")
                .end();
        HttpResponse<String> r = Gateway.post(vasp, "multipart/related; boundary=\"" + OUTER
                + "\"; type=\"text/xml\"; start=\"<soap@vasp>\"", request, "\"\"");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        return mm7(xml(r.body()), "MessageID");
    }

    private static void assertDownload(HttpResponse<byte[]> r, String contentType, String body) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        String served = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(served.replace(" ", "").toLowerCase().startsWith(contentType.replace(" ", "").toLowerCase()),
                "the stored type (the server may add a charset to text/*): " + served);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), r.body(), "the stored bytes, unchanged");
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                "a download, not a page: " + r.headers().map());
        assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"));
        List<String> csp = r.headers().allValues("Content-Security-Policy");
        assertEquals(1, csp.size(), "one policy, not the page policy beside it: " + csp);
        assertTrue(csp.get(0).startsWith("sandbox"), csp.get(0));
        assertTrue(csp.get(0).contains("default-src 'none'"), csp.get(0));
    }

    @Test
    void storedHtmlAndSvgAreSandboxedDownloadsOnTheAdminApi() {
        String html = submit("text/html", HTML, "447700900701");
        assertDownload(Gateway.content(html), "text/html", HTML);
        String svg = submit("image/svg+xml", SVG, "447700900702");
        assertDownload(Gateway.content(svg), "image/svg+xml", SVG);
    }

    @Test
    void mailboxContentAndPartsAreSandboxedDownloads() throws Exception {
        String id = submit("image/svg+xml", SVG, "447700900703");
        Gateway.awaitCounts(id, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(30));
        assertDownload(Gateway.adminBytes("/api/mailboxes/447700900703/messages/" + id + "/content"),
                "image/svg+xml", SVG);
        HttpResponse<byte[]> part = Gateway.adminBytes("/api/mailboxes/447700900703/messages/" + id + "/parts/0");
        assertEquals(200, part.statusCode(), new String(part.body(), StandardCharsets.UTF_8));
        assertTrue(part.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("nosniff", part.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(part.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
    }

    private static void assertSecurityHeaders(HttpResponse<?> r, String what) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + r.headers().map());
        assertTrue(csp.contains("default-src"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), what);
    }

    @Test
    void everyApiAnswerAndConsolePageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> list = Gateway.admin("GET", "/api/vasps/" + vasp.vaspId(), null);
        assertEquals(200, list.statusCode());
        assertSecurityHeaders(list, "API answer");
        HttpResponse<String> missing = Gateway.admin("GET", "/api/messages/no-such-message", null);
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing, "API error");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/login.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertSecurityHeaders(login, "login page");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/vasps.xhtml"))
                .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page, "console page");
    }

    @Test
    void anAdministratorsBrowserRunsNoScriptOfStoredContent() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed for the browser test");
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        com.sun.net.httpserver.HttpServer beacon = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + beacon.getAddress().getPort();
        String html = "<html><body><script>fetch('" + base + "/ran/html',{mode:'no-cors'})</script>"
                + "<img src=x onerror=\"fetch('" + base + "/ran/img',{mode:'no-cors'})\">hello</body></html>";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>fetch('" + base
                + "/ran/svg',{mode:'no-cors'})</script></svg>";
        beacon.createContext("/ran/", x -> {
            ran.add(x.getRequestURI().getPath());
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        beacon.createContext("/control", x -> {
            byte[] page = html.replace("/ran/", "/ran/control-").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        beacon.start();
        try (Browser browser = new Browser()) {
            browser.driver.get(base + "/control");
            // both of the control page's scripts (the inline one and the image's error handler) must have reported
            // before the slate is wiped, or a late beacon of the control page would be counted against the gateway
            awaitBeacon(ran, "/ran/control-html");
            awaitBeacon(ran, "/ran/control-img");
            ran.clear();

            String htmlId = submit("text/html", html, "447700900704");
            String svgId = submit("image/svg+xml", svg, "447700900705");
            Gateway.awaitCounts(svgId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(30));
            browser.loginAsAdmin();
            for (String path : List.of("/admin/api/messages/" + htmlId + "/content",
                    "/admin/api/messages/" + svgId + "/content",
                    "/admin/api/mailboxes/447700900705/messages/" + svgId + "/content",
                    "/admin/api/mailboxes/447700900705/messages/" + svgId + "/parts/0")) {
                try {
                    browser.open(path);
                } catch (org.openqa.selenium.WebDriverException download) {
                    // a download is no page: some drivers report the aborted navigation
                }
            }
            browser.open("/admin/message.xhtml?messageId=" + htmlId);
            Thread.sleep(2_000);
            assertTrue(ran.isEmpty(), "scripts of stored content ran in the admin's browser: " + ran);
        } finally {
            beacon.stop(0);
        }
    }

    private static void awaitBeacon(ConcurrentLinkedQueue<String> ran, String path) throws InterruptedException {
        for (int i = 0; i < 100 && !ran.contains(path); i++) {
            Thread.sleep(100);
        }
        assertTrue(ran.contains(path), "the control page's script reached the beacon: " + ran);
    }
}
