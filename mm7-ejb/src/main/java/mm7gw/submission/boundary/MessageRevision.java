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
import mm7gw.submission.control.Revision;

/**
 * MM7_cancel and MM7_replace (TS 23.140 §8.7.3.2), carried out by {@link Revision} in a transaction of their own.
 * A refused request leaves nothing changed and is charged afterwards, like a refused submit: one REJECTED event
 * (MM7_CANCEL / MM7_REPLACE) charged to the authenticated account's VASP.
 */
@Stateless
@RolesAllowed("vasp")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageRevision {
    @Resource
    SessionContext context;

    @Inject
    Revision revision;

    @Inject
    Refusals refusals;

    /** @param origin where the request came from, checked against the service level like a submit's */
    public RevisionResult cancel(CancelCommand command, RequestOrigin origin) {
        String login = context.getCallerPrincipal().getName();
        try {
            return revision.cancel(login, command, origin);
        } catch (Mm7Rejection refused) {
            refusals.refused(login, RecordType.MM7_CANCEL, command.asRefused(), refused.status(), refused.details());
            throw refused;
        }
    }

    public RevisionResult replace(ReplaceCommand command, RequestOrigin origin) {
        String login = context.getCallerPrincipal().getName();
        try {
            return revision.replace(login, command, origin);
        } catch (Mm7Rejection refused) {
            refusals.refused(login, RecordType.MM7_REPLACE, command.asRefused(), refused.status(), refused.details());
            throw refused;
        }
    }
}
