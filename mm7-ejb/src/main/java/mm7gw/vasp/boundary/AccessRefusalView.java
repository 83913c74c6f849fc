package mm7gw.vasp.boundary;

import java.time.Instant;
import mm7gw.vasp.entity.AccessRefusal;

/** One audited refusal of an MM7 request, as admins see it. */
public record AccessRefusalView(Instant at, String login, String vaspId, String vasId, String operation,
        String transactionId, String clientAddress, boolean tls, String authMechanism, int statusCode, String details) {

    static AccessRefusalView of(AccessRefusal r) {
        return new AccessRefusalView(r.at(), r.login(), r.vaspId(), r.vasId(), r.operation(), r.transactionId(),
                r.clientAddress(), r.tls(), r.authMechanism(), r.statusCode(), r.details());
    }
}
