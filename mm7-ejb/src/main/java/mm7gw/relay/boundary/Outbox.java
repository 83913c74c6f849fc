package mm7gw.relay.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.relay.control.OutboundQueue;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.submission.entity.Address;

/**
 * The subscribers' outbox (simulated MM1 submission): a message to a VASP's short code is stored with a new
 * LinkedID and queued for MM7_deliver to that VASP, in one transaction.
 */
@Stateless
@RolesAllowed("admin")
public class Outbox {
    private static final int MAX_TEXT = 4000;

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Inject
    OutboundQueue queue;

    public MoView send(String from, MoRequest request) {
        Address sender;
        try {
            sender = Address.number(from);
        } catch (Address.InvalidAddress e) {
            throw RequestRefused.invalid("the outbox belongs to a subscriber number: " + e.getMessage());
        }
        if (request == null || request.to() == null || request.to().isBlank()) {
            throw RequestRefused.invalid("'to' (a VASP's short code) is required");
        }
        if (request.text() != null && request.text().length() > MAX_TEXT) {
            throw RequestRefused.invalid("text is longer than " + MAX_TEXT + " characters");
        }
        if (request.subject() != null && request.subject().length() > 1000) {
            throw RequestRefused.invalid("subject is longer than 1000 characters");
        }
        String to = request.to().trim();
        RelayEndpoint endpoint = em.createNamedQuery(RelayEndpoint.WITH_SHORT_CODES, RelayEndpoint.class)
                .getResultStream().filter(e -> e.serves(to)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("a VASP serving short code " + to));
        String vaspId = endpoint.vasp().vaspId();
        MoMessage mo = new MoMessage("mo-" + UUID.randomUUID(), vaspId, sender.value(), to, request.subject(),
                request.text());
        em.persist(mo);
        OutboundCall call = new OutboundCall(OutboundKind.DELIVER, vaspId, mo.linkedId(), null, "SHORT_CODE", to,
                "NUMBER", sender.value(), null, mo.receivedAt());
        em.persist(call);
        queue.enqueue(call);
        return new MoView(mo.linkedId(), vaspId, sender.value(), to, call.id());
    }
}
