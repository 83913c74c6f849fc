package mm7gw.submission.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import mm7gw.kernel.VaspId;
import mm7gw.status.StatusCode;

/**
 * The answer the gateway gave to an accepted MM7_submit, kept under the VASP's TransactionID so that a retry of
 * the same request (after a timeout, from any node) gets the same answer instead of a second message. Written in
 * the submit's own transaction: the message exists if and only if its answer does. The unique key on (VASP,
 * TransactionID) makes the database the arbiter when two copies of a request race.
 */
@Entity
@Cacheable(false) // written once per submit, read only by queries (which go to the database anyway): not worth the shared cache
@Table(name = "mm7_answered_submit",
        uniqueConstraints = @UniqueConstraint(name = "mm7_answered_submit_tx", columnNames = {"vasp_id", "transaction_id"}))
@NamedQuery(name = AnsweredSubmit.OF_TRANSACTION,
        query = "select a from AnsweredSubmit a where a.vaspId = :vaspId and a.transactionId = :transactionId")
@NamedQuery(name = AnsweredSubmit.OLDEST,
        query = "select a.id, a.answeredAt from AnsweredSubmit a order by a.id")
@NamedQuery(name = AnsweredSubmit.FORGET,
        query = "delete from AnsweredSubmit a where a.id in :ids and a.answeredAt < :before")
public class AnsweredSubmit {
    public static final String OF_TRANSACTION = "AnsweredSubmit.ofTransaction";
    /** id and time of the answers in the order of their ids (the primary key's index; roughly their age) */
    public static final String OLDEST = "AnsweredSubmit.oldest";
    /** deletes the answers of the given ids given before a time */
    public static final String FORGET = "AnsweredSubmit.forget";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_answered_submit_seq")
    @SequenceGenerator(name = "mm7_answered_submit_seq", sequenceName = "mm7_answered_submit_seq", allocationSize = 1000)
    private Long id;

    @Column(name = "vasp_id", nullable = false, length = 64)
    private String vaspId;

    @Column(name = "transaction_id", nullable = false, length = MultimediaMessage.TRANSACTION_ID_LENGTH)
    private String transactionId;

    /** The account that sent the request; only it is given the answer again. */
    @Column(nullable = false, length = 64)
    private String login;

    /** SHA-256 (hex) of the request as read off the wire, or null when the request did not come through the binding. */
    @Column(name = "request_digest", length = 64)
    private String requestDigest;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "status_code", nullable = false)
    private int statusCode;

    /** The answer's Details lines (recipients left out of a partial success), newline-separated. */
    @Column(length = 4000)
    private String details;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected AnsweredSubmit() {
    }

    public AnsweredSubmit(VaspId vaspId, String transactionId, String login, String requestDigest, String messageId,
            StatusCode status, List<String> details, Instant answeredAt) {
        this.vaspId = vaspId.value();
        this.transactionId = transactionId;
        this.login = login;
        this.requestDigest = requestDigest;
        this.messageId = messageId;
        this.statusCode = status.code();
        String joined = details == null ? "" : String.join("\n", details);
        this.details = joined.length() > 4000 ? joined.substring(0, 3990) + "\n..." : joined;
        this.answeredAt = answeredAt;
    }

    /** Whether a request is the same one again: same account and, when both are known, the same bytes. */
    public boolean isRetryOf(String login, String requestDigest) {
        return this.login.equals(login)
                && (this.requestDigest == null || requestDigest == null || this.requestDigest.equals(requestDigest));
    }

    /** Whether this answer was given before the time, i.e. outside the TransactionID window that ends there. */
    public boolean givenBefore(Instant time) {
        return answeredAt.isBefore(time);
    }

    public Long id() {
        return id;
    }

    public boolean sentBy(String login) {
        return this.login.equals(login);
    }

    public String messageId() {
        return messageId;
    }

    public StatusCode status() {
        return StatusCode.interpret(statusCode);
    }

    public List<String> details() {
        return details == null || details.isEmpty() ? List.of() : Arrays.asList(details.split("\n"));
    }

    /** Whether this is the answer given to the TransactionID of the VASP. */
    public boolean answers(VaspId vaspId, String transactionId) {
        return this.vaspId.equals(vaspId.value()) && this.transactionId.equals(transactionId);
    }

    public String transactionId() {
        return transactionId;
    }
}
