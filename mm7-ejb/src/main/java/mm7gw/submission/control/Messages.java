package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import mm7gw.persistence.DatabaseKind;
import mm7gw.persistence.InLists;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.PlannedRecipients;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.RecipientState;
import mm7gw.vasp.control.VaspRemoval;
import mm7gw.vasp.entity.Vasp;

/** Stores and finds submitted messages and their recipients. */
@ApplicationScoped
public class Messages {
    @Inject
    EntityManager em;

    /** A VASP that submitted messages keeps them: it cannot be deleted. */
    void countMessages(@Observes VaspRemoval removal) {
        removal.count(em, "messages", "select count(m) from MultimediaMessage m where m.vaspId = :vaspId");
    }

    /** Stores a new message; its VASP may be one read for admission earlier, which is then referred to, not read. */
    public void add(MultimediaMessage message) {
        if (!em.contains(message.vasp())) {
            message.referTo(em.getReference(Vasp.class, message.vasp().id()));
        }
        em.persist(message);
    }

    public void add(PlannedRecipients planned) {
        em.persist(planned);
    }

    public Optional<MultimediaMessage> byMessageId(String messageId) {
        return em.createNamedQuery(MultimediaMessage.BY_MESSAGE_ID, MultimediaMessage.class)
                .setParameter("messageId", messageId).getResultStream().findFirst();
    }

    /**
     * The message, locked for the rest of the transaction: everything that changes a message's recipients
     * (fan-out chunks, cancel, replace, expiry) takes this lock, so they never interleave for one message.
     */
    public Optional<MultimediaMessage> lockedByMessageId(String messageId) {
        return em.createNamedQuery(MultimediaMessage.BY_MESSAGE_ID, MultimediaMessage.class)
                .setParameter("messageId", messageId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * The message, for working on one chunk of its recipients: chunks of one message may be worked on at the same
     * time, while cancel, replace and expiry ({@link #lockedByMessageId}) wait for them and they for those; two
     * workers of the same chunk wait for each other. On PostgreSQL a shared row lock and a transaction-level advisory
     * lock on (message, chunk); on other databases the message's exclusive lock (chunks one after the other).
     */
    public Optional<MultimediaMessage> lockedForChunk(String messageId, int chunk) {
        if (!DatabaseKind.postgresql(em)) {
            return lockedByMessageId(messageId);
        }
        List<?> ids = em.createNativeQuery("SELECT id FROM mm7_message WHERE message_id = ? FOR SHARE")
                .setParameter(1, messageId).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?, ?)) AS locked")
                .setParameter(1, (int) (id ^ (id >>> 32))).setParameter(2, chunk).getResultList();
        return byMessageId(messageId);
    }

    /** The messages, locked (as {@link #lockedByMessageId}) in the order of their ids, so that batches never deadlock. */
    public List<MultimediaMessage> lockedByMessageIds(List<String> messageIds) {
        return em.createQuery("select m from MultimediaMessage m where m.messageId in :ids order by m.id",
                        MultimediaMessage.class)
                .setParameter("ids", InLists.padded(messageIds)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * The ids of those of the messages that have recipient records. The existence is asked per message in the select
     * list, {@code select m.id, exists (select 1 from mm7_recipient r where r.message = m.id) ... where m.id in
     * (...)}, which PostgreSQL runs as one look-up of the recipients' index per message once the table is more than
     * a few pages. As a condition ({@code where ... and exists (...)}, or from the recipients' side, {@code r.message
     * in (...)}) it became a join, and without statistics on the table (autovacuum off, or a quick growth) the
     * planner took {@code r.message = ?} to match 0.5 % of the rows and hashed the whole table instead: 40-90 ms at
     * 70,000 recipients, once per distribution batch (the twelfth session's bench: the most expensive statement left
     * after the TransactionID look-up). JPQL has no {@code exists} in the select list, hence SQL.
     */
    public java.util.Set<Long> withRecipients(List<MultimediaMessage> batch) {
        if (batch.isEmpty()) {
            return java.util.Set.of();
        }
        List<Long> ids = InLists.padded(batch.stream().map(MultimediaMessage::id).toList());
        StringBuilder sql = new StringBuilder("SELECT m.id, EXISTS (SELECT 1 FROM mm7_recipient r WHERE r.message = m.id)"
                + " FROM mm7_message m WHERE m.id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        jakarta.persistence.Query query = em.createNativeQuery(sql.append(')').toString());
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        java.util.Set<Long> started = new java.util.HashSet<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            if (Boolean.TRUE.equals(columns[1])) {
                started.add(((Number) columns[0]).longValue());
            }
        }
        return started;
    }

    /**
     * Reads the content descriptions of the messages in one statement, so that their charging records (content size
     * and type) do not read them one message at a time; the bodies stay unread.
     */
    public void loadContents(List<MultimediaMessage> batch) {
        if (!batch.isEmpty()) {
            // entities selected (not a path), so the lazy body stays out of the SELECT; ids, not entities, as parameters
            em.createQuery("select c from MessageContent c, MultimediaMessage m where m.content = c and m.id in :ids",
                    MessageContent.class).setParameter("ids", InLists.padded(batch.stream().map(MultimediaMessage::id).toList()))
                    .getResultList();
        }
    }

    /** The recipient lists of the messages, by message id. */
    public java.util.Map<Long, PlannedRecipients> planned(List<MultimediaMessage> batch) {
        if (batch.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select p from PlannedRecipients p where p.message in :m", PlannedRecipients.class)
                .setParameter("m", InLists.padded(batch)).getResultStream()
                .collect(java.util.stream.Collectors.toMap(p -> p.message().id(), p -> p));
    }

    public PlannedRecipients planned(MultimediaMessage message) {
        return em.createNamedQuery(PlannedRecipients.OF_MESSAGE, PlannedRecipients.class)
                .setParameter("message", message).getSingleResult();
    }

    public void add(Recipient recipient) {
        em.persist(recipient);
    }

    public List<Recipient> recipients(MultimediaMessage message) {
        return em.createQuery("select r from Recipient r where r.message = :m order by r.id", Recipient.class)
                .setParameter("m", message).getResultList();
    }

    public List<Recipient> recipientsOfChunk(MultimediaMessage message, int chunk) {
        return em.createQuery("select r from Recipient r where r.message = :m and r.chunk = :c order by r.id",
                        Recipient.class)
                .setParameter("m", message).setParameter("c", chunk).getResultList();
    }

    public List<Recipient> withdrawable(MultimediaMessage message) {
        return em.createQuery("select r from Recipient r where r.message = :m and r.state in :states order by r.id",
                        Recipient.class)
                .setParameter("m", message)
                .setParameter("states", List.of(RecipientState.PENDING, RecipientState.DELIVERED)).getResultList();
    }

    public long countRecipients(MultimediaMessage message) {
        return em.createQuery("select count(r) from Recipient r where r.message = :m", Long.class)
                .setParameter("m", message).getSingleResult();
    }

    /** recipients created and no longer pending */
    public long countHandled(MultimediaMessage message) {
        return em.createQuery("select count(r) from Recipient r where r.message = :m and r.state <> :pending",
                        Long.class)
                .setParameter("m", message).setParameter("pending", RecipientState.PENDING).getSingleResult();
    }

    /** chunks that still have pending recipients */
    public List<Integer> chunksWithPending(MultimediaMessage message) {
        return em.createQuery("select distinct r.chunk from Recipient r where r.message = :m and r.state = :pending",
                        Integer.class)
                .setParameter("m", message).setParameter("pending", RecipientState.PENDING).getResultList();
    }
}
