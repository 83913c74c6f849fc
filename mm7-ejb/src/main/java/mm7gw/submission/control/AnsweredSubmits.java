package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import mm7gw.submission.entity.AnsweredSubmit;

/**
 * The answers given to accepted submits, by VASP and TransactionID, and the submits in flight on this node. A
 * copy of a request that arrives while the request is still being worked on (a VASP retrying after its own
 * timeout) waits for it here and is then answered from what it left, instead of racing it to the database.
 */
@ApplicationScoped
public class AnsweredSubmits {
    /** how long a copy waits for the request it repeats before it goes ahead on its own */
    private static final long WAIT_SECONDS = 30;

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** Whether requests with this TransactionID are remembered at all (MM7 makes it mandatory; length is bounded). */
    public static boolean remembers(String transactionId) {
        return transactionId != null && !transactionId.isBlank()
                && transactionId.length() <= AnsweredSubmit.TRANSACTION_ID_LENGTH;
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

    public Optional<AnsweredSubmit> of(String vaspId, String transactionId) {
        if (!remembers(transactionId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(AnsweredSubmit.OF_TRANSACTION, AnsweredSubmit.class)
                .setParameter("vaspId", vaspId).setParameter("transactionId", transactionId)
                .setHint("eclipselink.read-only", "true").getResultStream().findFirst();
    }

    /**
     * Records the answer and writes it at once: a concurrent copy of the same request on another node waits on the
     * unique key here, before doing any other work, and fails when this transaction commits.
     */
    public void add(AnsweredSubmit answer) {
        em.persist(answer);
        em.flush();
    }
}
