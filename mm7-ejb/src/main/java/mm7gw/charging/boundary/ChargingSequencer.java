package mm7gw.charging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import mm7gw.charging.control.ChargingEventsSequenced;
import mm7gw.charging.control.ChargingSequence;

/**
 * Runs the node's charging sequencer: one thread that numbers and publishes committed charging events as soon as
 * they are committed (woken by each commit on this node; at the latest once a second, which also picks up the
 * events of a node that died), in batches of up to {@code mm7.charging.sequencer-batch} (default 1000), and fires
 * {@link ChargingEventsSequenced} after each batch's commit. After a crash it starts with whatever was committed
 * and not numbered, so no event is lost or numbered twice.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("ChargingSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChargingSequencer {
    static final int BATCH = Math.max(1, Integer.getInteger("mm7.charging.sequencer-batch", 1000));

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ChargingSequence sequence;

    @Inject
    Event<ChargingEventsSequenced> sequenced;

    @PostConstruct
    void start() {
        sequence.start(threads, () -> {
            ChargingEventsSequenced numbered = sequence.numberNext(BATCH);
            if (numbered == null) {
                return false;
            }
            sequenced.fire(numbered);
            return numbered.count() == BATCH;
        });
    }

    @PreDestroy
    void stop() {
        sequence.stop();
    }
}
