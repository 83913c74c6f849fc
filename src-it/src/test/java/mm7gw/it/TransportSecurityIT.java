package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Passwords never cross plain HTTP. The test server allows plain HTTP on loopback ({@code mm7.http.plain-allowed=true},
 * as the run command does); these tests take that opt-in away on the running server to show the production default.
 * On WildFly (the opt-in switched through the management model) every request to the MM7 endpoint, the console and
 * the admin API that did not come over TLS is turned away before any credentials are looked at (GET/HEAD redirected
 * to HTTPS, anything else 403); on Payara ({@code payara.sh plain-http false}, what {@code payara.sh start} does
 * without the opt-in) the plain listeners are closed, so nothing is sent at all. On both the same requests over HTTPS
 * work, and the console's session cookie is Secure, HttpOnly and SameSite=Strict. With the opt-in, a VASP whose level
 * requires TLS (the default level does) is still refused over plain HTTP before its password is checked.
 */
class TransportSecurityIT {
    private static final String TO = "<To><Number>447700903001</Number></To>";
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sets the opt-in on the running test server: WildFly's mm7.http.plain-allowed, Payara's plain listeners. */
    private static void plainHttpAllowed(boolean allowed) throws Exception {
        if (Gateway.ON_WILDFLY) {
            ServerProcess.setSystemProperty("mm7.http.plain-allowed", String.valueOf(allowed));
            return;
        }
        PayaraDomain.get().plainHttp(allowed);
        if (allowed) {
            // the other tests talk plain HTTP: back once the admin listener answers again
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    send(PLAIN, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/health/live")).GET().build());
                    return;
                } catch (java.io.IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static HttpRequest.Builder submitRequest(URI endpoint, String authorization, String envelope) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheOptInOnlyHttpsIsAnsweredAndNoPasswordSentOverPlainHttpIsChecked() throws Exception {
        // a VASP whose own level would allow plain HTTP: only the server's default stands in the way
        Gateway.Vasp vasp = Gateway.newVasp();
        String plainTx = Gateway.unique("tx");
        String httpsTx = Gateway.unique("tx");
        HttpClient https = Tls.client(false);
        HttpResponse<String> accepted;
        plainHttpAllowed(false);
        try {
            if (Gateway.ON_WILDFLY) {
                plainRequestsAreTurnedAway(vasp, plainTx);
            } else {
                plainListenersAreClosed(vasp, plainTx);
            }

            // over HTTPS the same VASP gets in at once: none of the wrong passwords above was counted
            accepted = send(https, submitRequest(Tls.MM7, Gateway.basic(vasp.login(), vasp.password()),
                    Envelopes.submit(httpsTx, vasp, TO)).build());
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals("1000", mm7(xml(accepted.body()), "StatusCode"), accepted.body());
            HttpResponse<String> api = send(https, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_HTTPS_BASE
                    + "/admin/api/vasps/" + vasp.vaspId())).header("Authorization", Gateway.basic(Gateway.ADMIN_USER,
                    Gateway.ADMIN_PASSWORD)).GET().build());
            assertEquals(200, api.statusCode(), "the admin API over HTTPS: " + api.body());

            // the console over HTTPS: login form, and a session cookie that never travels over plain HTTP
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(https.sslContext()).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_HTTPS_BASE + "/admin/")).GET().build());
            assertTrue(loginPage.statusCode() == 200 || loginPage.statusCode() == 302, loginPage.statusCode() + " " + loginPage.body());
            String form = "j_username=" + URLEncoder.encode(Gateway.ADMIN_USER, StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(Gateway.ADMIN_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_HTTPS_BASE + "/admin/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertTrue(login.statusCode() == 302 || login.statusCode() == 303, login.statusCode() + " " + login.body());
            List<String> cookies = new ArrayList<>(loginPage.headers().allValues("Set-Cookie"));
            cookies.addAll(login.headers().allValues("Set-Cookie"));
            List<String> sessions = cookies.stream().filter(c -> c.startsWith("JSESSIONID")).toList();
            assertTrue(!sessions.isEmpty(), "no session cookie: " + cookies);
            for (String session : sessions) {
                List<String> attributes = List.of(session.toLowerCase().split("\\s*;\\s*"));
                assertTrue(attributes.contains("secure"), session);
                assertTrue(attributes.contains("httponly"), session);
                assertTrue(attributes.contains("samesite=strict"), session);
            }
            HttpResponse<String> dashboard = send(browser, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_HTTPS_BASE + "/admin/index.xhtml"))
                    .GET().build());
            assertEquals(200, dashboard.statusCode(), "logged in over HTTPS: " + dashboard.body());
        } finally {
            plainHttpAllowed(true);
        }
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), plainTx).size(), "nothing came in over plain HTTP");
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), httpsTx).size());
    }

    /** WildFly: the transport guard answers plain requests before the credentials are looked at. */
    private static void plainRequestsAreTurnedAway(Gateway.Vasp vasp, String plainTx) throws Exception {
        // more wrong passwords than the throttle lets pass (5): had they been checked, the login would now be
        // blocked from this address
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = send(PLAIN, submitRequest(Gateway.MM7, Gateway.basic(vasp.login(), "wrong-" + i),
                    Envelopes.submit(Gateway.unique("tx"), vasp, TO)).build());
            assertEquals(403, r.statusCode(), r.body());
        }
        HttpResponse<String> plain = send(PLAIN, submitRequest(Gateway.MM7,
                Gateway.basic(vasp.login(), vasp.password()), Envelopes.submit(plainTx, vasp, TO)).build());
        assertEquals(403, plain.statusCode(), "valid credentials over plain HTTP: " + plain.body());
        assertTrue(plain.body().contains("HTTPS required"), plain.body());

        // what a browser or a VASP fetching the WSDL gets: a redirect to the same address over HTTPS
        HttpResponse<String> wsdl = send(PLAIN, HttpRequest.newBuilder(URI.create(Gateway.MM7 + "?wsdl")).GET().build());
        assertEquals(302, wsdl.statusCode(), wsdl.body());
        assertEquals(Gateway.HTTPS_BASE + "/mm7/vasp?wsdl", wsdl.headers().firstValue("Location").orElse(""));
        HttpResponse<String> console = send(PLAIN, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/")).GET().build());
        assertEquals(302, console.statusCode(), console.body());
        assertEquals(Gateway.ADMIN_HTTPS_BASE + "/admin/", console.headers().firstValue("Location").orElse(""));
        HttpResponse<String> api = send(PLAIN, HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/api/vasps"))
                .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(403, api.statusCode(), "the admin API over plain HTTP: " + api.body());
    }

    /** Payara: nothing listens on the plain ports, so no request (and no password) gets to the server at all. */
    private static void plainListenersAreClosed(Gateway.Vasp vasp, String plainTx) {
        List<HttpRequest> requests = List.of(
                submitRequest(Gateway.MM7, Gateway.basic(vasp.login(), "wrong"), Envelopes.submit(Gateway.unique("tx"), vasp, TO)).build(),
                submitRequest(Gateway.MM7, Gateway.basic(vasp.login(), vasp.password()), Envelopes.submit(plainTx, vasp, TO)).build(),
                HttpRequest.newBuilder(URI.create(Gateway.MM7 + "?wsdl")).GET().build(),
                HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/")).GET().build(),
                HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/api/vasps"))
                        .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build());
        for (HttpRequest request : requests) {
            assertThrows(java.net.ConnectException.class, () -> send(PLAIN, request), "plain HTTP: " + request.uri());
        }
    }

    @Test
    void withTheOptInALevelThatRequiresTlsIsRefusedOverPlainHttpBeforeThePasswordIsChecked() throws Exception {
        // the default level requires TLS
        Gateway.Vasp vasp = Gateway.registerVasp();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = Gateway.post(vasp.login(), "wrong-" + i, "text/xml; charset=utf-8",
                    Envelopes.submit(Gateway.unique("tx"), vasp, TO).getBytes(StandardCharsets.UTF_8));
            assertEquals(401, r.statusCode(), r.body());
        }
        String plainTx = Gateway.unique("tx");
        HttpResponse<String> plain = Gateway.postSoap(vasp, Envelopes.submit(plainTx, vasp, TO));
        assertEquals(401, plain.statusCode(), "the right password over plain HTTP: " + plain.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), plainTx).size());
        // over HTTPS it gets in at once: the wrong passwords were neither checked nor counted against it
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Tls.post(Tls.client(false), Gateway.basic(vasp.login(), vasp.password()),
                Envelopes.submit(tx, vasp, TO));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }
}
