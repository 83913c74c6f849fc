package mm7gw.vasp.entity;

import java.util.Optional;

/** How a VASP proves who it is at the HTTP layer; a service level allows a subset of them. */
public enum AuthMechanism {
    BASIC, DIGEST, CLIENT_CERT;

    /**
     * The mechanism behind a servlet auth type, if known: "BASIC"; "CLIENT_CERT" or "CLIENT-CERT"; any digest
     * variant ("DIGEST", "DIGEST-SHA-256", the gateway's "MM7-DIGEST-MD5" and "MM7-DIGEST-SHA-256").
     */
    public static Optional<AuthMechanism> ofAuthType(String authType) {
        if (authType == null) {
            return Optional.empty();
        }
        String t = authType.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (t.equals("BASIC")) {
            return Optional.of(BASIC);
        }
        if (t.equals("CLIENT_CERT")) {
            return Optional.of(CLIENT_CERT);
        }
        if (t.equals("DIGEST") || t.startsWith("DIGEST_") || t.startsWith("MM7_DIGEST_")) {
            return Optional.of(DIGEST);
        }
        return Optional.empty();
    }
}
