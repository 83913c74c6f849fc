package mm7gw.submission.control;

import mm7gw.security.RequestOrigin;
import mm7gw.submission.boundary.SubmitCommand;

/**
 * One MM7_submit to accept: the account that sent it, the request, where it came from (checked against the service
 * level) and a digest of the request as it came off the wire, to tell a retry of it from another request reusing its
 * TransactionID (null when unknown: then the TransactionID alone decides).
 */
public record Submit(String login, SubmitCommand command, RequestOrigin origin, String requestDigest) {
}
