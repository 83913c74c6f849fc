package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import mm7gw.submission.entity.AnsweredSubmit;

/** The answers given to accepted submits, by VASP and TransactionID. */
@ApplicationScoped
public class AnsweredSubmits {
    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    /** Whether requests with this TransactionID are remembered at all (MM7 makes it mandatory; length is bounded). */
    public static boolean remembers(String transactionId) {
        return transactionId != null && !transactionId.isBlank()
                && transactionId.length() <= AnsweredSubmit.TRANSACTION_ID_LENGTH;
    }

    public Optional<AnsweredSubmit> of(String vaspId, String transactionId) {
        if (!remembers(transactionId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(AnsweredSubmit.OF_TRANSACTION, AnsweredSubmit.class)
                .setParameter("vaspId", vaspId).setParameter("transactionId", transactionId)
                .getResultStream().findFirst();
    }

    /**
     * Records the answer and writes it at once: a concurrent copy of the same request waits on the unique key
     * here, before doing any other work, and fails when this transaction commits.
     */
    public void add(AnsweredSubmit answer) {
        em.persist(answer);
        em.flush();
    }
}
