package mm7gw.payara;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP DIGEST as the server side of RFC 7616 needs it, for the VASPs on Payara: challenges for SHA-256 and MD5
 * ({@code qop=auth}), the check of a response against the H(A1) the gateway stores per algorithm, and nonces that
 * this JVM made and that have not expired. A nonce is its creation time and an HMAC of it under a key that exists
 * only in memory, so no table of issued nonces is kept; a nonce count must grow with every use of a nonce, so a
 * captured Authorization header cannot be sent again.
 */
final class HttpDigest {
    /** The parts of a Digest Authorization header that the check needs. */
    record Response(String username, String realm, String nonce, String uri, String algorithm, String qop, String nc,
            String cnonce, String response) {
        /** "SHA-256" or "MD5" (no algorithm named: MD5, as RFC 7616 says), null for any other. */
        String digestAlgorithm() {
            String a = algorithm == null ? "MD5" : algorithm.toUpperCase(Locale.ROOT);
            return a.equals("SHA-256") || a.equals("MD5") ? a : null;
        }
    }

    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final int MAX_NONCES = 10_000;

    private final String realm;
    private final long nonceMillis;
    private final SecretKeySpec key;
    /** the highest nonce count seen per nonce, while the nonce is valid */
    private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();

    HttpDigest(String realm, long nonceMillis) {
        this.realm = realm;
        this.nonceMillis = nonceMillis;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** The two WWW-Authenticate values of a challenge, SHA-256 first; stale when the client's nonce expired. */
    String[] challenges(long nowMillis, boolean stale) {
        String nonce = nonce(nowMillis);
        String common = "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\"" + (stale ? ", stale=true" : "");
        return new String[] {common + ", algorithm=SHA-256", common + ", algorithm=MD5"};
    }

    String nonce(long nowMillis) {
        byte[] time = ByteBuffer.allocate(8).putLong(nowMillis).array();
        byte[] mac = mac(time);
        byte[] nonce = ByteBuffer.allocate(8 + 16).put(time).put(mac, 0, 16).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /** Whether this JVM made the nonce and it has not expired. */
    boolean fresh(String nonce, long nowMillis) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != 24) {
            return false;
        }
        byte[] time = java.util.Arrays.copyOfRange(bytes, 0, 8);
        byte[] expected = java.util.Arrays.copyOf(mac(time), 16);
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(bytes, 8, 24))) {
            return false;
        }
        long made = ByteBuffer.wrap(time).getLong();
        return made <= nowMillis && nowMillis - made <= nonceMillis;
    }

    /** Whether this nonce made by this JVM has expired (the client may then retry with a new one: stale=true). */
    boolean expired(String nonce, long nowMillis) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(nonce);
            if (bytes.length != 24) {
                return false;
            }
            byte[] time = java.util.Arrays.copyOfRange(bytes, 0, 8);
            return MessageDigest.isEqual(java.util.Arrays.copyOf(mac(time), 16), java.util.Arrays.copyOfRange(bytes, 8, 24))
                    && nowMillis - ByteBuffer.wrap(time).getLong() > nonceMillis;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The header's parameters, or null when it is no Digest response with everything qop=auth needs. */
    static Response parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            p.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        Response r = new Response(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"), p.get("algorithm"),
                p.get("qop"), p.get("nc"), p.get("cnonce"), p.get("response"));
        if (r.username() == null || r.realm() == null || r.nonce() == null || r.uri() == null || r.response() == null
                || !"auth".equalsIgnoreCase(r.qop()) || r.nc() == null || !r.nc().matches("[0-9a-fA-F]{1,8}")
                || r.cnonce() == null || r.digestAlgorithm() == null) {
            return null;
        }
        return r;
    }

    /**
     * Whether the response proves knowledge of the password behind ha1Hex (H(A1) of the response's algorithm) for this
     * method and request URI, with a fresh nonce of this JVM used with a higher count than before.
     */
    boolean verify(Response r, String ha1Hex, String method, String requestUri, long nowMillis) {
        if (ha1Hex == null || !realm.equals(r.realm()) || !requestUri.equals(r.uri()) || !fresh(r.nonce(), nowMillis)) {
            return false;
        }
        String algorithm = r.digestAlgorithm();
        String ha2 = hex(algorithm, method + ":" + r.uri());
        String expected = hex(algorithm, ha1Hex.toLowerCase(Locale.ROOT) + ":" + r.nonce() + ":" + r.nc() + ":"
                + r.cnonce() + ":" + r.qop().toLowerCase(Locale.ROOT) + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                r.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return countUp(r.nonce(), Long.parseLong(r.nc(), 16), nowMillis);
    }

    private boolean countUp(String nonce, long nc, long nowMillis) {
        if (counts.size() >= MAX_NONCES) {
            counts.keySet().removeIf(n -> !fresh(n, nowMillis));
            if (counts.size() >= MAX_NONCES) {
                counts.clear();
            }
        }
        boolean[] higher = {false};
        counts.compute(nonce, (n, last) -> {
            if (last == null || nc > last) {
                higher[0] = true;
                return nc;
            }
            return last;
        });
        return higher[0];
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
