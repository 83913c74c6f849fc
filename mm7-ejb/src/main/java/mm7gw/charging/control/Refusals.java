package mm7gw.charging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import mm7gw.system.LogText;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.charging.entity.RecordType;
import mm7gw.status.StatusCode;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.Vasp;

/**
 * Charges the requests the gateway refused. The refused request's own transaction rolls back (nothing of it
 * is stored), so the refusal is written in a transaction of its own, after that transaction has ended.
 * <p>
 * The rule: a request refused with an MM7 status (an {@code Mm7Rejection}: 2xxx, 4xxx, and the 3xxx refusals
 * of an understood request) produces exactly one REJECTED event, charged to the VASP of the authenticated
 * account. A request that fails for another reason (3000 Server Error: a database or broker failure, a failed
 * commit) is not a result of the VASP's operation and produces no event; the VASP may retry it. A caller that
 * is not a registered VASP cannot be charged and produces no event.
 */
@ApplicationScoped
public class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    @Inject
    VaspRegistry vasps;

    @Inject
    Charging charging;

    /**
     * Charges any refused request to the authenticated account's VASP (whatever VASPID the request claimed).
     *
     * @return whether an event was written (not for 3000 Server Error nor for a caller that is no VASP)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean refused(String login, RecordType type, ChargedOperation op, StatusCode status, String details) {
        return refused(login, type, op, status, details, RecordDetails.NONE);
    }

    /** The same, with the facts of the refused request that its TS 32.298 record carries. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean refused(String login, RecordType type, ChargedOperation op, StatusCode status, String details,
            RecordDetails recordDetails) {
        if (status == StatusCode.SERVER_ERROR || status.isSuccess()) {
            return false;
        }
        Optional<Vasp> vasp = vasps.byLogin(login);
        if (vasp.isEmpty()) {
            LOG.warning(() -> "refused " + type + " of account '" + LogText.escape(login) + "' is not charged: no such VASP");
            return false;
        }
        ChargedOperation charged = new ChargedOperation(vasp.get().vaspId(), op.vasId(), op.messageId(),
                op.linkedId(), op.sender(), op.recipient(), op.recipientCount(), op.messageSize(), op.contentType(),
                op.chargedParty(), op.priority(), op.messageClass(), op.serviceCode());
        charging.record(ChargingEvent.rejected(type, charged, status, status.code() + " " + status.text()
                + (details == null ? "" : ": " + details)).describedBy(recordDetails));
        return true;
    }
}
