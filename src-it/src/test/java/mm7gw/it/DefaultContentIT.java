package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing but the gateway answers (no welcome content; the MM7 listener has the MM7 endpoint only, the console and
 * admin API have their own listener), methods no constraint covers are refused, and a state change
 * through the console's session cookie needs the X-Requested-By header; the session cookie is HttpOnly and
 * SameSite=Strict.
 */
class DefaultContentIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noWelcomeContent() throws Exception {
        // WildFly's welcome page (gateway.cli); Payara's docroot page, its MicroProfile endpoints and its error report
        // page naming the server (payara.sh)
        String server = Gateway.ON_WILDFLY ? "WildFly" : "Payara";
        for (String base : List.of(Gateway.BASE, Gateway.ADMIN_BASE)) {
            for (String path : List.of("/", "/index.html", "/health", "/metrics", "/openapi")) {
                HttpResponse<String> r = send(HTTP, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
                assertEquals(404, r.statusCode(), base + path + ": " + r.body());
                assertTrue(!r.body().contains(server), base + path + ": " + r.body());
                if (!Gateway.ON_WILDFLY) {
                    for (String header : List.of("Server", "X-Powered-By")) {
                        String value = r.headers().firstValue(header).orElse("");
                        assertTrue(!value.contains(server), base + path + ": " + header + ": " + value);
                    }
                }
            }
        }
    }

    @Test
    void theMm7ListenerServesTheMm7EndpointOnlyAndTheAdminListenerTheConsoleOnly() throws Exception {
        assertTrue(!Gateway.ADMIN_BASE.equals(Gateway.BASE), "own listener: " + Gateway.ADMIN_BASE);
        HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(Tls.client(false).sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        for (String mm7Base : List.of(Gateway.BASE, Gateway.HTTPS_BASE)) {
            HttpClient client = mm7Base.startsWith("https:") ? https : HTTP;
            for (String path : List.of("/admin/", "/admin/api/vasps", "/admin/health/live", "/admin/metrics", "/admin/login.xhtml")) {
                HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(mm7Base + path))
                        .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build());
                assertEquals(404, r.statusCode(), "the MM7 listener, " + mm7Base + path + ": " + r.body());
            }
        }
        for (String adminBase : List.of(Gateway.ADMIN_BASE, Gateway.ADMIN_HTTPS_BASE)) {
            HttpClient client = adminBase.startsWith("https:") ? https : HTTP;
            for (String path : List.of("/", "/mm7/vasp?wsdl", "/mm7/vasp")) {
                HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(adminBase + path)).GET().build());
                assertEquals(404, r.statusCode(), "the admin listener, " + adminBase + path + ": " + r.body());
            }
        }
        // a VASP's credentials are not looked at on the admin listener
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpResponse<String> submit = send(HTTP, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/mm7/vasp"))
                .header("Authorization", Gateway.basic(vasp.login(), vasp.password()))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(Envelopes.submit(Gateway.unique("tx"), vasp,
                        "<To><Number>447700903001</Number></To>"))).build());
        assertEquals(404, submit.statusCode(), "a submit on the admin listener: " + submit.body());
        assertEquals(200, send(HTTP, HttpRequest.newBuilder(URI.create(Gateway.MM7 + "?wsdl")).GET().build()).statusCode());
        assertEquals(200, send(HTTP, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/api/vasps"))
                .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build())
                .statusCode());
        assertEquals(200, send(https, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_HTTPS_BASE + "/admin/api/vasps"))
                .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build())
                .statusCode());
    }

    @Test
    void methodsNoConstraintCoversAreRefusedOnTheMm7Endpoint() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(HTTP, HttpRequest.newBuilder(Gateway.MM7)
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build());
            if (Gateway.ON_WILDFLY) {
                assertEquals(403, r.statusCode(), method + ": " + r.body());
            } else {
                // Payara does not apply deny-uncovered-http-methods here; Metro refuses the method (400), no 2xx
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + ": " + r.statusCode() + " " + r.body());
            }
        }
        HttpResponse<String> wsdl = send(HTTP, HttpRequest.newBuilder(URI.create(Gateway.MM7 + "?wsdl")).GET().build());
        assertEquals(200, wsdl.statusCode(), "the WSDL stays public");
    }

    @Test
    void aStateChangeThroughTheConsoleSessionNeedsTheCustomHeader() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/"))
                .GET().build());
        String form = "j_username=" + URLEncoder.encode(Gateway.ADMIN_USER, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(Gateway.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303, login.statusCode() + " " + login.body());
        List<String> cookies = new java.util.ArrayList<>(loginPage.headers().allValues("Set-Cookie"));
        cookies.addAll(login.headers().allValues("Set-Cookie"));
        String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.toLowerCase().contains("samesite=strict"), session);
        URI suspend = URI.create(Gateway.ADMIN_BASE + "/admin/api/vasps/" + vasp.vaspId() + "/suspend");
        HttpResponse<String> forged = send(browser, HttpRequest.newBuilder(suspend)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, forged.statusCode(), "no X-Requested-By: " + forged.body());
        assertEquals("ACTIVE", ((jakarta.json.JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId()))
                .getString("status"));
        HttpResponse<String> fromConsole = send(browser, HttpRequest.newBuilder(suspend).header("X-Requested-By", "console")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, fromConsole.statusCode(), fromConsole.body());
    }
}
