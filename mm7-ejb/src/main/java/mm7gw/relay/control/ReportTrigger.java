package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.submission.control.RecipientStateChanged;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.RecipientState;

/**
 * Turns a recipient's change into the report its VASP asked for, in the transaction that records the change:
 * a delivery report (DeliveryReport=true) on retrieval, rejection, expiry and a forward without retrieval, a read reply (ReadReply=true) when
 * the recipient reads the message. The call is stored and queued only for a VASP with a relay endpoint.
 */
@ApplicationScoped
public class ReportTrigger {
    @Inject
    EntityManager em;

    @Inject
    OutboundQueue queue;

    void onChange(@Observes RecipientStateChanged change) {
        String mmStatus = change.outcome().mmStatus();
        if (mmStatus == null) {
            return;
        }
        OutboundKind kind = change.outcome() == DeliveryOutcome.READ ? OutboundKind.READ_REPLY : OutboundKind.DELIVERY_REPORT;
        Recipient r = em.find(Recipient.class, change.recipientId());
        MultimediaMessage m = r.message();
        boolean asked = kind == OutboundKind.DELIVERY_REPORT ? m.deliveryReportRequested() : m.readReplyRequested();
        if (!asked) {
            return;
        }
        if (change.outcome() == DeliveryOutcome.FORWARDED && r.state() != RecipientState.DELIVERED) {
            return; // reported as Forwarded only when forwarded without being retrieved; after retrieval it was Retrieved
        }
        RelayEndpoint endpoint = em.createNamedQuery(RelayEndpoint.BY_VASP, RelayEndpoint.class)
                .setParameter("vaspId", m.vaspId().value()).getResultStream().findFirst().orElse(null);
        if (endpoint == null) {
            return;
        }
        // the submit's SenderAddress, else the VASP's registered sender address (else, when sent, its VASP ID)
        String senderType = m.sender() != null ? m.sender().type().name() : endpoint.reportSenderType();
        String sender = m.sender() != null ? m.sender().value() : endpoint.reportSender();
        OutboundCall call = new OutboundCall(kind, m.vaspId(), m.messageId(), r.id(),
                r.address().type().name(), r.addressAsWritten(), senderType, sender, mmStatus, change.at());
        em.persist(call);
        queue.enqueue(call);
    }
}
