package mm7gw.relay.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of RFC 7616 §3.9.1 (user Mufasa, GET /dir/index.html) for both algorithms. */
class DigestAuthTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static String challenge(String algorithm) {
        return "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm
                + ", nonce=\"" + NONCE + "\", opaque=\"" + OPAQUE + "\"";
    }

    @Test
    void rfc7616ExampleSha256() {
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestAuth.response("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                        "/dir/index.html", NONCE, "00000001", CNONCE, true));
    }

    @Test
    void rfc7616ExampleMd5() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestAuth.response("MD5", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                        "/dir/index.html", NONCE, "00000001", CNONCE, true));
    }

    @Test
    void answersTheSha256ChallengeWhenBothAreOffered() {
        DigestAuth.Challenge c = DigestAuth.choose(List.of(challenge("MD5"), challenge("SHA-256"))).orElseThrow();
        assertEquals("SHA-256", c.algorithm());
        assertEquals(OPAQUE, c.opaque());
        assertTrue(c.qopAuth());
        String header = DigestAuth.authorization(c, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE,
                "00000001");
        assertEquals("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
                + "algorithm=SHA-256, nonce=\"" + NONCE + "\", nc=00000001, cnonce=\"" + CNONCE + "\", qop=auth, "
                + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\""
                + OPAQUE + "\"", header);
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertTrue(DigestAuth.choose(List.of("Basic realm=\"x\"")).isEmpty());
        assertTrue(DigestAuth.choose(List.of("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256")).isEmpty());
        assertTrue(DigestAuth.choose(List.of("Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\"")).isEmpty());
        assertEquals("MD5", DigestAuth.choose(List.of("Digest realm=\"x\", nonce=\"n\"")).orElseThrow().algorithm());
    }
}
