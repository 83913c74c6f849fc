package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import mm7gw.submission.control.DistributionQueue;

/** Enqueues a stored message for distribution again, in a transaction of its own (see {@link StalledSubmissionScan}). */
@Stateless
@PermitAll
public class Redistribution {
    @Inject
    DistributionQueue distribution;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void redistribute(String messageId) {
        distribution.redistribute(messageId);
    }
}
