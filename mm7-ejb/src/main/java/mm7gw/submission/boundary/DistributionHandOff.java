package mm7gw.submission.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.List;
import mm7gw.submission.control.DistributionQueue;

/**
 * Runs the node's hand-off of accepted messages to distribution ({@link DistributionQueue}): one thread that sends
 * the MessageIDs committed on this node to the submissions queue, in batches, as soon as they were committed.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DistributionHandOff {
    @Resource
    ManagedThreadFactory threads;

    @Inject
    DistributionQueue distribution;

    @PostConstruct
    void start() {
        distribution.start(threads, () -> {
            List<String> batch = distribution.take();
            if (batch.isEmpty()) {
                return false;
            }
            try {
                distribution.send(batch);
            } catch (Exception e) { // a failed commit may surface as the checked RollbackException
                distribution.giveBack(batch);
                throw e;
            }
            return distribution.backlog() > 0;
        });
    }

    @PreDestroy
    void stop() {
        distribution.stop();
    }
}
