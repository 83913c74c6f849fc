package mm7gw.vasp.entity;

import java.util.Optional;

/** How a VASP proves who it is at the HTTP layer; a service level allows a subset of them. */
public enum AuthMechanism {
    BASIC, DIGEST, CLIENT_CERT;

    /** The mechanism behind a servlet auth type ("BASIC", "DIGEST", "CLIENT_CERT", "CLIENT-CERT"), if known. */
    public static Optional<AuthMechanism> ofAuthType(String authType) {
        if (authType == null) {
            return Optional.empty();
        }
        String t = authType.trim().toUpperCase().replace('-', '_');
        for (AuthMechanism m : values()) {
            if (t.equals(m.name()) || t.startsWith(m.name() + "_")) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
