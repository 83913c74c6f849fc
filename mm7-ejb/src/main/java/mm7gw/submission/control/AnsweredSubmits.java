package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import mm7gw.kernel.VaspId;
import mm7gw.persistence.DatabaseKind;
import mm7gw.persistence.GatewayLog;
import mm7gw.persistence.InLists;
import mm7gw.submission.entity.AnsweredSubmit;
import mm7gw.submission.entity.MultimediaMessage;

/**
 * The answers given to accepted submits, by VASP and TransactionID, and the submits in flight on this node. A
 * copy of a request that arrives while the request is still being worked on (a VASP retrying after its own
 * timeout) waits for it here and is then answered from what it left, instead of racing it to the database.
 * <p>
 * A TransactionID is remembered for a window ({@value #WINDOW_PROPERTY}, hours, default {@value #DEFAULT_WINDOW_HOURS}):
 * an answer given before it is ignored (the request reusing the ID is a new one) and later deleted by
 * {@link #forgetOldest}.
 */
@ApplicationScoped
public class AnsweredSubmits {
    /** how long a copy waits for the request it repeats before it goes ahead on its own */
    private static final long WAIT_SECONDS = 30;
    public static final String WINDOW_PROPERTY = "mm7.transaction-id.window-hours";
    static final double DEFAULT_WINDOW_HOURS = 72;

    @Inject
    EntityManager em;

    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** Whether requests with this TransactionID are remembered at all (MM7 makes it mandatory; length is bounded). */
    public static boolean remembers(String transactionId) {
        return transactionId != null && !transactionId.isBlank()
                && transactionId.length() <= MultimediaMessage.TRANSACTION_ID_LENGTH;
    }

    /**
     * Runs a submit of the account with the TransactionID once at a time on this node: while one is in flight, the
     * next waits until it has ended (at most {@value #WAIT_SECONDS} s) and then runs, finding the first one's answer.
     */
    public <T> T oneAtATime(String login, String transactionId, Supplier<T> submit) {
        if (!remembers(transactionId)) {
            return submit.get();
        }
        String key = login + '\n' + transactionId;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> first;
        while ((first = inFlight.putIfAbsent(key, mine)) != null) {
            try {
                first.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            return submit.get();
        } finally {
            inFlight.remove(key, mine);
            mine.complete(null);
        }
    }

    /**
     * How long an answered TransactionID is remembered: {@value #WINDOW_PROPERTY} in hours (fractions allowed, read
     * on every use), {@value #DEFAULT_WINDOW_HOURS} when unset, not a number or not positive.
     */
    public static Duration window() {
        String text = System.getProperty(WINDOW_PROPERTY);
        double hours = DEFAULT_WINDOW_HOURS;
        if (text != null) {
            try {
                double h = Double.parseDouble(text.trim());
                if (h > 0 && h <= 1_000_000) {
                    hours = h;
                }
            } catch (NumberFormatException e) {
                // the default
            }
        }
        return Duration.ofMillis(Math.max(1, Math.round(hours * 3_600_000)));
    }

    /** The start of the window that ends now: answers given before it are forgotten. */
    public static Instant windowStart() {
        return Instant.now().minus(window());
    }

    /** The answer given to the TransactionID of the VASP, whenever it was given (see {@link AnsweredSubmit#givenBefore}). */
    public Optional<AnsweredSubmit> of(VaspId vaspId, String transactionId) {
        if (!remembers(transactionId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(AnsweredSubmit.OF_TRANSACTION, AnsweredSubmit.class)
                .setParameter("vaspId", vaspId.value()).setParameter("transactionId", transactionId)
                .setHint("eclipselink.read-only", "true").getResultStream().findFirst();
    }

    /** A VASP's TransactionID. */
    public record Key(VaspId vaspId, String transactionId) {
    }

    /** The answers found for some TransactionIDs at once ({@link #ofAll}). */
    public record Found(List<AnsweredSubmit> answers) {
        public Optional<AnsweredSubmit> of(VaspId vaspId, String transactionId) {
            return answers.stream().filter(a -> a.answers(vaspId, transactionId)).findFirst();
        }
    }

    /**
     * The answers given to any of the TransactionIDs (see {@link #of}). On PostgreSQL in one query that joins the
     * unique key to the list of keys, {@code join (values (?, ?), ...) k on a.vasp_id = k.vasp_id and
     * a.transaction_id = k.transaction_id}: one look-up of both columns of the key per listed key, in generic and in
     * custom plans, with or without statistics on the table. The other forms let the planner search the key by the
     * VASP alone and filter every answer the VASP was ever given whenever it had no statistics (autovacuum off, or a
     * quick growth), 10-50 ms per look-up at 35,000 answers: {@code vasp_id in (...) and transaction_id in (...)}
     * always, {@code vasp_id = ? and transaction_id in (...)} too, and row values {@code (vasp_id, transaction_id) in
     * ((?, ?), ...)} in custom plans, where the shared VASP is factored out of the pairs (the twelfth session's
     * bench: the most frequent statement in PostgreSQL's samples). JPQL has no row values, hence SQL. The keys are
     * {@linkplain InLists#padded padded} to a power of two, so that batches of any size share a few statement texts
     * (a padding key repeats a listed one, so its answer may come twice).
     * <p>
     * On H2 one look-up per key: the H2 that WildFly and Payara bundle (2.2.224) searches the key by the VASP alone
     * for row values, for an {@code or} of pairs and for {@code vasp_id = ? and transaction_id in (...)} alike
     * ({@code explain analyze}: every answer of the VASP scanned), while a look-up of one key is an index seek in the
     * server's own memory, without a round trip.
     */
    public Found ofAll(List<Key> keys) {
        if (!DatabaseKind.postgresql(em)) {
            return new Found(keys.stream().distinct().flatMap(k -> of(k.vaspId(), k.transactionId()).stream()).toList());
        }
        List<Key> remembered = InLists.padded(keys.stream().filter(k -> remembers(k.transactionId())).distinct()
                .toList());
        if (remembered.isEmpty()) {
            return new Found(List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT a.* FROM mm7_answered_submit a JOIN (VALUES ");
        for (int i = 0; i < remembered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        sql.append(") AS k (vasp_id, transaction_id) ON a.vasp_id = k.vasp_id AND a.transaction_id = k.transaction_id");
        Query query = em.createNativeQuery(sql.toString(), AnsweredSubmit.class)
                .setHint("eclipselink.read-only", "true");
        for (int i = 0; i < remembered.size(); i++) {
            query.setParameter(2 * i + 1, remembered.get(i).vaspId().value())
                    .setParameter(2 * i + 2, remembered.get(i).transactionId());
        }
        @SuppressWarnings("unchecked")
        List<AnsweredSubmit> found = query.getResultList();
        return new Found(found);
    }

    /** Records the answer, written with the transaction's other rows. */
    public void add(AnsweredSubmit answer) {
        em.persist(answer);
    }

    /**
     * Records the answer and writes it at once: a concurrent copy of the same request on another node waits on the
     * unique key here, before doing any other work, and fails when this transaction commits.
     */
    public void addAtOnce(AnsweredSubmit answer) {
        em.persist(answer);
        em.flush();
    }

    /**
     * Writes the transaction's pending rows (a batch's kept answers among them) now instead of at the commit, so that
     * a kept answer that clashes on its unique key with one another node committed meanwhile fails here, as an
     * expected outcome ({@link Acceptance.TransactionIdTaken}, the caller's transaction then rolls back), and not as
     * a failed commit, which the transaction manager logs as a warning with a stack trace (nor does EclipseLink log
     * it: {@link GatewayLog}). Any other failure is thrown as it is.
     */
    public void writeNow() {
        try {
            em.flush();
        } catch (PersistenceException failed) {
            if (GatewayLog.transactionIdTaken(failed)) {
                throw new Acceptance.TransactionIdTaken();
            }
            throw failed;
        }
    }

    /**
     * Deletes an answer given before the window, in the caller's transaction, so that its TransactionID can be
     * answered anew. Deletes nothing when the answer is no longer there or is not that old (another node took the
     * TransactionID meanwhile: the unique key then stops the new answer).
     */
    public void forget(AnsweredSubmit old, Instant windowStart) {
        em.createNamedQuery(AnsweredSubmit.FORGET).setParameter("ids", List.of(old.id()))
                .setParameter("before", windowStart).executeUpdate();
    }

    /**
     * Deletes the answers given before the window among the {@code batch} oldest (by id, the primary key's order,
     * which is the order they were written in up to the ids a node has allocated but not used yet), in a
     * transaction of its own. Reads at most {@code batch} rows through the primary key's index and writes nothing
     * when none is that old: no index on the time is needed, and the submit path writes nothing more for it.
     *
     * @return how many were deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetOldest(Instant windowStart, int batch) {
        List<Long> old = em.createNamedQuery(AnsweredSubmit.OLDEST, Object[].class).setMaxResults(batch)
                .getResultStream().filter(r -> ((Instant) r[1]).isBefore(windowStart)).map(r -> (Long) r[0]).toList();
        if (old.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(AnsweredSubmit.FORGET).setParameter("ids", old)
                .setParameter("before", windowStart).executeUpdate();
    }
}
