package mm7gw.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpDigestTest {
    private static final String REALM = "MM7 Gateway";
    private static final String URI = "/mm7/vasp";
    private final HttpDigest digest = new HttpDigest(REALM, 300_000);

    /** What a client computes from the challenge (RFC 7616 3.4.1, qop=auth). */
    private static String authorization(String algorithm, String user, String password, String nonce, String nc) {
        String ha1 = HttpDigest.hex(algorithm, user + ":" + REALM + ":" + password);
        String ha2 = HttpDigest.hex(algorithm, "POST:" + URI);
        String response = HttpDigest.hex(algorithm, ha1 + ":" + nonce + ":" + nc + ":c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\"c0ffee\", response=\"" + response + "\"";
    }

    @Test
    void theRightPasswordWithEitherAlgorithmOnceForEachNonceCount() {
        long now = 1_000_000;
        for (String algorithm : new String[] {"SHA-256", "MD5"}) {
            now += 1_000; // a nonce of its own
            String nonce = digest.nonce(now);
            String stored = HttpDigest.hex(algorithm, "acme:" + REALM + ":secret");
            HttpDigest.Response r = HttpDigest.parse(authorization(algorithm, "acme", "secret", nonce, "00000001"));
            assertNotNull(r);
            assertEquals(algorithm, r.digestAlgorithm());
            assertTrue(digest.verify(r, stored, "POST", URI, now + 10));
            assertFalse(digest.verify(r, stored, "POST", URI, now + 20), "the same header again is a replay");
            HttpDigest.Response next = HttpDigest.parse(authorization(algorithm, "acme", "secret", nonce, "00000002"));
            assertTrue(digest.verify(next, stored, "POST", URI, now + 30));
            HttpDigest.Response wrong = HttpDigest.parse(authorization(algorithm, "acme", "guess", nonce, "00000003"));
            assertFalse(digest.verify(wrong, stored, "POST", URI, now + 40));
            assertFalse(digest.verify(HttpDigest.parse(authorization(algorithm, "acme", "secret", nonce, "00000004")),
                    stored, "POST", "/mm7/other", now + 50), "another URI");
        }
    }

    @Test
    void anExpiredOrForeignNonceIsRefused() {
        long now = 5_000_000;
        String nonce = digest.nonce(now);
        String stored = HttpDigest.hex("SHA-256", "acme:" + REALM + ":secret");
        HttpDigest.Response r = HttpDigest.parse(authorization("SHA-256", "acme", "secret", nonce, "00000001"));
        assertFalse(digest.verify(r, stored, "POST", URI, now + 300_001));
        assertTrue(digest.expired(nonce, now + 300_001));
        String foreign = new HttpDigest(REALM, 300_000).nonce(now);
        assertFalse(digest.fresh(foreign, now + 1));
        assertFalse(digest.expired(foreign, now + 300_001), "not ours: no stale hint");
    }

    @Test
    void incompleteOrUnsupportedResponsesAreNotParsed() {
        assertNull(HttpDigest.parse("Basic YWNtZTpzZWNyZXQ="));
        assertNull(HttpDigest.parse("Digest username=\"acme\", realm=\"" + REALM + "\", nonce=\"n\", uri=\"/\", response=\"x\""));
        String sess = authorization("SHA-256", "acme", "secret", "n", "00000001").replace("algorithm=SHA-256", "algorithm=SHA-256-sess");
        assertNull(HttpDigest.parse(sess));
        assertEquals(2, digest.challenges(0, false).length);
        assertTrue(digest.challenges(0, true)[0].contains("stale=true"));
    }
}
