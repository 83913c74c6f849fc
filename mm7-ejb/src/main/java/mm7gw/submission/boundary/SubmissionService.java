package mm7gw.submission.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import mm7gw.charging.control.Refusals;
import mm7gw.charging.entity.RecordType;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.submission.control.Acceptance;
import mm7gw.submission.control.AcceptanceBatches;
import mm7gw.submission.control.AnsweredSubmits;
import mm7gw.submission.control.Submit;

/**
 * MM7_submit, from the request to its answer. The submit is accepted in one local transaction, together with the
 * submits that arrived at the same time ({@link AcceptanceBatches}, then {@link Acceptance}: admission, the message,
 * its content, its charging event; the broker does not take part), answered after the commit and handed to
 * distribution. A refused submit ({@link Mm7Rejection}) leaves nothing stored and is
 * charged in a transaction of its own; the answer then carries the refusal's status.
 * <p>
 * A submit is idempotent per VASP and TransactionID: the same request again (a retry after a timeout, through any
 * node) gets the first answer, not a second message; a copy that arrives while the first is still being worked on
 * waits for it. The same TransactionID on a different request is refused with 4004. Refused submits store
 * nothing, so retrying one is judged afresh.
 */
@Stateless
@RolesAllowed("vasp")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionService {
    @Resource
    SessionContext context;

    @Inject
    AcceptanceBatches batches;

    @Inject
    AnsweredSubmits answers;

    @Inject
    Refusals refusals;

    /**
     * @param origin        where the request came from (client address, TLS, auth mechanism), checked against the
     *                      service level
     * @param requestDigest a digest of the request as it came off the wire, to tell a retry of it from another
     *                      request reusing its TransactionID; null when unknown (then the TransactionID alone decides)
     */
    public SubmitResult submit(SubmitCommand command, RequestOrigin origin, String requestDigest) {
        String login = context.getCallerPrincipal().getName();
        return answers.oneAtATime(login, command.transactionId(), () -> {
            try {
                return batches.accept(new Submit(login, command, origin, requestDigest));
            } catch (Mm7Rejection refused) {
                refusals.refused(login, RecordType.MM7_SUBMIT_REJECTED, command.asRefused(), refused.status(),
                        refused.details(), command.asRefusedRecord());
                return SubmitResult.refused(refused.status(), refused.details());
            }
        });
    }
}
