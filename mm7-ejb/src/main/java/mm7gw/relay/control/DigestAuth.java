package mm7gw.relay.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of HTTP Digest (RFC 7616) for outbound calls: reads a VASP's {@code WWW-Authenticate: Digest}
 * challenge and computes the {@code Authorization} answer for algorithm SHA-256 or MD5 (not the -sess variants),
 * with qop=auth (or, for an RFC 2069 challenge without qop, the plain response). java.net.http has no Digest.
 */
public final class DigestAuth {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuth() {
    }

    /** A Digest challenge the gateway can answer. */
    public record Challenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth) {
    }

    /**
     * The challenge to answer among the WWW-Authenticate header values: SHA-256 preferred to MD5; empty when none
     * is a Digest challenge with a supported algorithm (and qop auth, if it names a qop).
     */
    public static Optional<Challenge> choose(List<String> wwwAuthenticate) {
        Challenge best = null;
        for (String header : wwwAuthenticate) {
            Challenge c = parse(header);
            if (c != null && (best == null || "SHA-256".equals(c.algorithm()))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One header value as a challenge, null when it is no answerable Digest challenge. */
    static Challenge parse(String header) {
        String h = header == null ? "" : header.trim();
        if (!h.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> p = parameters(h.substring(7));
        String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256")) {
            return null;
        }
        String qop = p.get("qop");
        boolean auth = false;
        if (qop != null) {
            for (String q : qop.split(",")) {
                auth |= q.trim().equalsIgnoreCase("auth");
            }
            if (!auth) {
                return null;
            }
        }
        if (p.get("nonce") == null) {
            return null;
        }
        return new Challenge(p.getOrDefault("realm", ""), p.get("nonce"), p.get("opaque"), algorithm, auth);
    }

    /** auth-param list: name=token or name="quoted string" separated by commas (RFC 7235 §2.1). */
    static Map<String, String> parameters(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            out.put(name, value.toString().trim());
        }
        return out;
    }

    /** The request-digest (RFC 7616 §3.4.1) for qop=auth, or without qop (cnonce and nc then unused). */
    public static String response(String algorithm, String user, String realm, String password, String method,
            String uri, String nonce, String nc, String cnonce, boolean qopAuth) {
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        return qopAuth ? hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
    }

    /** The Authorization header answering the challenge with a fresh cnonce (nc 00000001: one use per nonce). */
    public static String authorization(Challenge c, String user, String password, String method, String uri) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return authorization(c, user, password, method, uri,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random), "00000001");
    }

    static String authorization(Challenge c, String user, String password, String method, String uri,
            String cnonce, String nc) {
        String response = response(c.algorithm(), user, c.realm(), password, method, uri, c.nonce(), nc, cnonce,
                c.qopAuth());
        StringBuilder b = new StringBuilder("Digest username=").append(quoted(user))
                .append(", realm=").append(quoted(c.realm()))
                .append(", uri=").append(quoted(uri))
                .append(", algorithm=").append(c.algorithm())
                .append(", nonce=").append(quoted(c.nonce()));
        if (c.qopAuth()) {
            b.append(", nc=").append(nc).append(", cnonce=").append(quoted(cnonce)).append(", qop=auth");
        }
        b.append(", response=").append(quoted(response));
        if (c.opaque() != null) {
            b.append(", opaque=").append(quoted(c.opaque()));
        }
        return b.toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
