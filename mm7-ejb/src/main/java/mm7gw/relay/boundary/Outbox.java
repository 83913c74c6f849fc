package mm7gw.relay.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.kernel.Address;
import mm7gw.kernel.VaspId;
import mm7gw.relay.control.OutboundQueue;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.ReplyCharging;

/**
 * The subscribers' outbox (simulated MM1 submission): a message to a VASP's short code is stored with a new
 * LinkedID and queued for MM7_deliver to that VASP, in one transaction. A reply to a message that offers reply
 * charging is charged to its VASP (with the ReplyChargingID) within the reply deadline and size.
 */
@Stateless
@RolesAllowed("admin")
public class Outbox {
    private static final int MAX_TEXT = 4000;

    @Inject
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
        VaspId vaspId = endpoint.vasp().vaspId();
        MoMessage mo = new MoMessage("mo-" + UUID.randomUUID(), vaspId, sender.value(), to, request.subject(),
                request.text());
        String notReplyCharged = request.replyTo() == null ? null : replyCharging(mo, sender, request.replyTo().trim());
        em.persist(mo);
        OutboundCall call = new OutboundCall(OutboundKind.DELIVER, vaspId, mo.linkedId(), null, "SHORT_CODE", to,
                "NUMBER", sender.value(), null, mo.receivedAt());
        em.persist(call);
        queue.enqueue(call);
        return new MoView(mo.linkedId(), vaspId.value(), sender.value(), to, call.id(), mo.replyChargingId(), notReplyCharged);
    }

    /**
     * A reply to {@code messageId}, a message in the subscriber's mailbox: charged to the VASP that sent it if that
     * VASP offered reply charging, the reply goes to it, is sent by the reply deadline and is no bigger than the
     * reply charging size, and it is the recipient's first reply charged so (TS 23.140: the ReplyChargingID is the
     * MessageID replied to). Otherwise the reply goes as an ordinary MO message.
     *
     * @return why the reply is not charged to the VASP, or null if it is
     */
    private String replyCharging(MoMessage mo, Address sender, String messageId) {
        Recipient r = em.createQuery("select r from Recipient r where r.address.type = :t and r.address.value = :v"
                        + " and r.message.messageId = :id", Recipient.class)
                .setParameter("t", sender.type()).setParameter("v", sender.value()).setParameter("id", messageId)
                .getResultStream().filter(x -> x.state().isInMailbox()).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("message " + messageId + " in mailbox " + sender.value()));
        MultimediaMessage m = r.message();
        ReplyCharging offered = m.replyCharging();
        if (offered == null) {
            return "message " + messageId + " offers no reply charging";
        }
        if (!m.vaspId().equals(mo.vaspId())) {
            return "the reply goes to another VASP than the one that sent message " + messageId;
        }
        String refusal = offered.refusal(mo.size(), mo.receivedAt());
        if (refusal != null) {
            return refusal;
        }
        boolean repliedBefore = em.createQuery("select count(m) from MoMessage m where m.replyChargingId = :id"
                        + " and m.sender = :sender", Long.class)
                .setParameter("id", messageId).setParameter("sender", sender.value()).getSingleResult() > 0;
        if (repliedBefore) {
            return "the recipient's reply to message " + messageId + " has already been charged to the VASP";
        }
        mo.replyCharged(messageId);
        return null;
    }
}
