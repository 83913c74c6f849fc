package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Logins over HTTPS: BASIC where the service level requires TLS, DIGEST (SHA-256 and MD5) computed by hand from
 * the challenge, a registered TLS client certificate; the service level's allowed mechanisms (repeated failed
 * logins: LoginThrottleIT).
 */
class SecureLoginIT {
    private static final String TO = "<To><Number>447700902001</Number></To>";
    private static final String CACHE_MILLIS = "mm7.cache.millis";

    private static void assertAccepted(Gateway.Vasp vasp, String tx, HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void basicOverHttpsWhereTheServiceLevelRequiresTls() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("tlsRequired", true));
        String tx = Gateway.unique("tx");
        assertAccepted(vasp, tx, Tls.post(Tls.client(false), Gateway.basic(vasp.login(), vasp.password()),
                Envelopes.submit(tx, vasp, TO)));
    }

    @Test
    void digestWithSha256AndWithMd5() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertFalse(((JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId())).getBoolean("digestEnabled"),
                "no H(A1) is stored while the level allows Basic only");
        ServiceLevels.change(vasp.vaspId(), b -> b.add("authMechanisms", ServiceLevels.list("DIGEST"))
                .add("digestMd5Allowed", true));
        assertFalse(((JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId())).getBoolean("digestEnabled"),
                "allowing DIGEST needs a new password");
        assertEquals(204, Gateway.admin("PUT", "/api/vasps/" + vasp.vaspId() + "/password",
                "{\"password\":\"" + vasp.password() + "\"}").statusCode());
        JsonObject view = (JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId());
        assertTrue(view.getBoolean("digestEnabled"), view.toString());
        HttpClient client = Tls.client(false);
        for (String algorithm : new String[] {"SHA-256", "MD5"}) {
            String tx = Gateway.unique("tx");
            assertAccepted(vasp, tx, Tls.postDigest(client, algorithm, vasp.login(), vasp.password(),
                    Envelopes.submit(tx, vasp, TO)));
        }
        String wrong = Gateway.unique("tx");
        HttpResponse<String> r = Tls.postDigest(client, "SHA-256", vasp.login(), vasp.password() + "x",
                Envelopes.submit(wrong, vasp, TO));
        assertEquals(401, r.statusCode(), "a wrong password in the digest");
        String basic = Gateway.unique("tx");
        HttpResponse<String> b = Tls.post(client, Gateway.basic(vasp.login(), vasp.password()), Envelopes.submit(basic, vasp, TO));
        SubmitRefusalIT.assertRsError(b, "4007", "Client");
        assertTrue(mm7(xml(b.body()), "Details").contains("BASIC"), b.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), basic).size());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), wrong).size());

        // MD5 no longer allowed: its H(A1) is dropped at once, SHA-256 still works
        ServiceLevels.change(vasp.vaspId(), level -> level.add("digestMd5Allowed", false));
        String md5 = Gateway.unique("tx");
        assertEquals(401, Tls.postDigest(client, "MD5", vasp.login(), vasp.password(), Envelopes.submit(md5, vasp, TO))
                .statusCode(), "MD5 after the level stopped allowing it");
        String sha = Gateway.unique("tx");
        assertAccepted(vasp, sha, Tls.postDigest(client, "SHA-256", vasp.login(), vasp.password(),
                Envelopes.submit(sha, vasp, TO)));
        // DIGEST no longer allowed: no H(A1) left
        ServiceLevels.change(vasp.vaspId(), level -> level.add("authMechanisms", ServiceLevels.list("BASIC")));
        assertFalse(((JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId())).getBoolean("digestEnabled"));
    }

    @Test
    void aRegisteredClientCertificateLogsTheVaspIn() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Gateway.Vasp other = Gateway.newVasp();
        HttpResponse<String> reg = adminPem("PUT", "/api/vasps/" + vasp.vaspId() + "/client-certificate",
                Tls.clientCertificatePem());
        assertEquals(200, reg.statusCode(), reg.body());
        assertTrue(reg.body().contains(Tls.clientCertificateSha256()), reg.body());
        assertTrue(reg.body().contains("CN=it-vasp"), reg.body());
        assertEquals(409, adminPem("PUT", "/api/vasps/" + other.vaspId() + "/client-certificate",
                Tls.clientCertificatePem()).statusCode(), "one certificate, one VASP");
        assertEquals(400, adminPem("PUT", "/api/vasps/" + other.vaspId() + "/client-certificate",
                "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----").statusCode());

        // the realm keeps the account it finds by the certificate for longer than this test takes, so that only the
        // forgetting on removal, not the kept account's expiry, can refuse the certificate below (the TLS handshakes
        // alone take longer than the default second); read at every keep, so no restart
        TestServer.set(CACHE_MILLIS, "60000");
        try {
            certificateLogsInUntilRemoved(vasp, other);
        } finally {
            TestServer.unset(CACHE_MILLIS);
        }
    }

    private static void certificateLogsInUntilRemoved(Gateway.Vasp vasp, Gateway.Vasp other) {
        ServiceLevels.change(vasp.vaspId(), b -> b.add("authMechanisms", ServiceLevels.list("CLIENT_CERT"))
                .add("tlsRequired", true));
        HttpClient withCert = Tls.client(true);
        String tx = Gateway.unique("tx");
        assertAccepted(vasp, tx, Tls.post(withCert, null, Envelopes.submit(tx, vasp, TO)));

        // the certificate is the identity: it cannot act for another VASP's ID
        String foreign = Gateway.unique("tx");
        HttpResponse<String> r = Tls.post(withCert, null, Envelopes.submit(foreign, other, TO));
        SubmitRefusalIT.assertRsError(r, "4001", "Client");
        assertEquals(0, Gateway.messagesOfTransaction(other.vaspId(), foreign).size());

        // without a certificate and without credentials: no login
        assertEquals(401, Tls.post(Tls.client(false), null, Envelopes.submit(Gateway.unique("tx"), vasp, TO)).statusCode());

        // removed: the certificate no longer logs in, from the very next request, although the account the realm
        // found by it would be kept for a minute; on a new TLS session, since WildFly's CLIENT_CERT keeps the identity
        // for the session it logged in
        assertEquals(200, Gateway.admin("DELETE", "/api/vasps/" + vasp.vaspId() + "/client-certificate", null).statusCode());
        assertEquals(401, Tls.post(Tls.client(true), null, Envelopes.submit(Gateway.unique("tx"), vasp, TO)).statusCode(),
                "the certificate right after its removal");
    }

    static HttpResponse<String> adminPem(String method, String path, String pem) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD))
                .header("Accept", "application/json").header("Content-Type", "text/plain")
                .method(method, HttpRequest.BodyPublishers.ofString(pem, StandardCharsets.US_ASCII)).build();
        return Gateway.send(request);
    }
}
