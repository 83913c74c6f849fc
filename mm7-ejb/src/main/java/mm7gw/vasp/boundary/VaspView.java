package mm7gw.vasp.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.vasp.entity.Vasp;

/** What an admin sees of a VASP (never its password hash). */
public record VaspView(String vaspId, String name, String login, String status, boolean hasPassword,
        Instant createdAt, List<Service> services, boolean digestEnabled, ClientCertificate clientCertificate,
        int failedLogins, Instant lockedUntil) {

    /** The registered TLS client certificate: SHA-256 fingerprint, subject, end of validity. */
    public record ClientCertificate(String sha256, String subject, Instant notAfter) {
    }

    public record Service(String vasId, String name, boolean active) {
    }

    static VaspView of(Vasp v) {
        return new VaspView(v.vaspId().value(), v.name(), v.login(), v.status().name(), v.hasPassword(), v.createdAt(),
                v.services().stream().map(s -> new Service(s.vasId(), s.name(), s.isActive())).toList(),
                v.hasDigestCredentials(), v.clientCertSha256() == null ? null
                        : new ClientCertificate(v.clientCertSha256(), v.clientCertSubject(), v.clientCertNotAfter()),
                v.failedLogins(), v.lockedUntil());
    }
}
