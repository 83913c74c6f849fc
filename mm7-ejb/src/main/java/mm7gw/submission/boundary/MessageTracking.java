package mm7gw.submission.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.submission.control.Messages;
import mm7gw.submission.entity.DeliveryAttempt;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MessageState;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;

/** Per-message and per-recipient state of submitted messages. */
@Stateless
@RolesAllowed("admin")
public class MessageTracking {
    @Inject
    Messages messages;

    @Inject
    DistributionQueue distribution;

    @Inject
    EntityManager em;

    public MessageView find(String messageId) {
        MultimediaMessage m = messages.byMessageId(messageId)
                .orElseThrow(() -> RequestRefused.notFound("message " + messageId));
        Map<Long, List<DeliveryAttempt>> attempts = em.createQuery(
                        "select a from DeliveryAttempt a where a.recipient.message = :m order by a.id", DeliveryAttempt.class)
                .setParameter("m", m).getResultStream()
                .collect(Collectors.groupingBy(a -> a.recipient().id()));
        List<MessageView.RecipientView> recipients = messages.recipients(m).stream()
                .map(r -> recipient(r, attempts.getOrDefault(r.id(), List.of()))).toList();
        return new MessageView(m.messageId(), m.vaspId().value(), m.vasId(), m.transactionId(),
                m.sender() == null ? null : m.sender().value(), m.subject(), m.priority().name(),
                m.messageClass().name(), m.serviceCode(), m.linkedId(),
                m.chargedParty() == null ? null : m.chargedParty().name(), m.chargedPartyId(), m.state().name(), m.submittedAt(),
                m.earliestDeliveryTime(), m.expiryDate(), m.recipientCount(), m.readReplyRequested(),
                m.deliveryReportRequested(), m.content() == null ? null : m.content().size(), m.attributes(),
                m.application().isEmpty() ? null : m.application(), m.replyCharging(), recipients);
    }

    /** The content a message was submitted with, exactly as stored. */
    public ContentView content(String messageId) {
        MultimediaMessage m = messages.byMessageId(messageId)
                .orElseThrow(() -> RequestRefused.notFound("message " + messageId));
        MessageContent c = m.content();
        if (c == null) {
            throw RequestRefused.notFound("content of message " + messageId);
        }
        return new ContentView(c.contentType(), c.size(), c.sha256(), c.body());
    }

    /** Messages of a VASP, optionally only those of one TransactionID, newest first (at most 100). */
    public List<MessageSummary> search(String vaspId, String transactionId) {
        StringBuilder jpql = new StringBuilder("select m from MultimediaMessage m where 1 = 1");
        if (vaspId != null) {
            jpql.append(" and m.vaspId = :vaspId");
        }
        if (transactionId != null) {
            jpql.append(" and m.transactionId = :transactionId");
        }
        var query = em.createQuery(jpql.append(" order by m.id desc").toString(), MultimediaMessage.class)
                .setMaxResults(100);
        if (vaspId != null) {
            query.setParameter("vaspId", vaspId);
        }
        if (transactionId != null) {
            query.setParameter("transactionId", transactionId);
        }
        return query.getResultStream().map(m -> new MessageSummary(m.messageId(), m.vaspId().value(), m.vasId(),
                m.transactionId(), m.state().name(), m.submittedAt(), m.recipientCount())).toList();
    }

    /**
     * Counts for a message of any size: recipients created and per state, history entries per outcome (and
     * how many recipients have a DELIVERED entry), charging events per record type.
     */
    public RecipientCounts counts(String messageId) {
        MultimediaMessage m = messages.byMessageId(messageId)
                .orElseThrow(() -> RequestRefused.notFound("message " + messageId));
        Map<String, Long> byState = grouped(em.createQuery(
                "select r.state, count(r) from Recipient r where r.message = :m group by r.state", Object[].class)
                .setParameter("m", m).getResultList());
        Map<String, Long> history = grouped(em.createQuery(
                "select a.outcome, count(a) from DeliveryAttempt a where a.recipient.message = :m group by a.outcome",
                Object[].class).setParameter("m", m).getResultList());
        long deliveredRecipients = em.createQuery("select count(distinct a.recipient) from DeliveryAttempt a"
                        + " where a.recipient.message = :m and a.outcome = :o", Long.class)
                .setParameter("m", m).setParameter("o", mm7gw.submission.entity.DeliveryOutcome.DELIVERED)
                .getSingleResult();
        Map<String, Long> chargingEvents = grouped(em.createQuery("select e.recordType, count(e) from ChargingEvent e"
                + " where e.messageId = :id group by e.recordType", Object[].class)
                .setParameter("id", messageId).getResultList());
        long created = byState.values().stream().mapToLong(Long::longValue).sum();
        return new RecipientCounts(m.messageId(), m.state().name(), m.recipientCount(), created, byState, history,
                deliveredRecipients, chargingEvents);
    }

    private static Map<String, Long> grouped(List<Object[]> rows) {
        Map<String, Long> map = new java.util.TreeMap<>();
        for (Object[] row : rows) {
            map.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return map;
    }

    /** One page of the messages matching the criteria, newest first. */
    public List<MessageSummary> search(MessageCriteria criteria, int first, int max) {
        var query = em.createQuery("select m " + where(criteria) + " order by m.id desc", MultimediaMessage.class);
        bind(query, criteria);
        return query.setFirstResult(first).setMaxResults(max).getResultStream()
                .map(m -> new MessageSummary(m.messageId(), m.vaspId().value(), m.vasId(), m.transactionId(),
                        m.state().name(), m.submittedAt(), m.recipientCount())).toList();
    }

    public long count(MessageCriteria criteria) {
        var query = em.createQuery("select count(m) " + where(criteria), Long.class);
        bind(query, criteria);
        return query.getSingleResult();
    }

    private static String where(MessageCriteria c) {
        StringBuilder q = new StringBuilder("from MultimediaMessage m where 1 = 1");
        if (present(c.messageId())) {
            q.append(" and m.messageId = :messageId");
        }
        if (present(c.vaspId())) {
            q.append(" and m.vaspId = :vaspId");
        }
        if (present(c.recipient())) {
            q.append(" and exists (select r from Recipient r where r.message = m and r.address.value in :addresses)");
        }
        if (c.from() != null) {
            q.append(" and m.submittedAt >= :from");
        }
        if (c.to() != null) {
            q.append(" and m.submittedAt < :to");
        }
        return q.toString();
    }

    private static void bind(jakarta.persistence.Query query, MessageCriteria c) {
        if (present(c.messageId())) {
            query.setParameter("messageId", c.messageId().trim());
        }
        if (present(c.vaspId())) {
            query.setParameter("vaspId", c.vaspId().trim());
        }
        if (present(c.recipient())) {
            query.setParameter("addresses", recipientForms(c.recipient()));
        }
        if (c.from() != null) {
            query.setParameter("from", c.from());
        }
        if (c.to() != null) {
            query.setParameter("to", c.to());
        }
    }

    /** The text as typed and, where it parses, its normalised number or e-mail form. */
    private static List<String> recipientForms(String text) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(text.trim());
        for (mm7gw.kernel.AddressType type : mm7gw.kernel.AddressType.values()) {
            try {
                forms.add(mm7gw.kernel.Address.parse(type, text).value());
            } catch (IllegalArgumentException e) {
                // not of this type
            }
        }
        return List.copyOf(forms);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static MessageView.RecipientView recipient(Recipient r, List<DeliveryAttempt> attempts) {
        return new MessageView.RecipientView(r.address().value(), r.address().type().name(), r.kind().name(),
                r.state().name(), r.stateChangedAt(),
                attempts.stream().map(a -> new MessageView.AttemptView(a.attemptedAt(), a.outcome().name(), a.detail()))
                        .toList());
    }

    /**
     * How far distribution is behind: messages accepted and not yet distributed to every recipient (including those
     * waiting for their EarliestDeliveryTime), and the MessageIDs this node accepted and has not yet handed to the
     * submissions queue.
     */
    public DistributionBacklog distributionBacklog() {
        long undistributed = em.createQuery("select count(m) from MultimediaMessage m where m.state = :accepted", Long.class)
                .setParameter("accepted", MessageState.ACCEPTED).getSingleResult();
        return new DistributionBacklog(undistributed, distribution.backlog());
    }

    public record DistributionBacklog(long undistributedMessages, int waitingForHandOffOnThisNode) {
    }
}
