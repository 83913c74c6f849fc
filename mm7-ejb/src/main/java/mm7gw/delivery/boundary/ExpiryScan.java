package mm7gw.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.delivery.control.Expiry;
import mm7gw.system.NodeWorker;

/**
 * Every two seconds, finds messages whose ExpiryDate has passed and expires them, one message per transaction
 * (see {@link Expiry}). The scan keeps no state of its own: what is due is in the database, so a restart
 * loses nothing. Runs on a thread of the node ({@link NodeWorker}), which calls the scan and {@link Expiry} directly,
 * not through the container: see {@link NodeWorker} for why not on an EJB timer, and why no business method.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryScan {
    private static final Logger LOG = Logger.getLogger(ExpiryScan.class.getName());
    private NodeWorker worker;

    @Inject
    EntityManager em;

    @Inject
    Expiry expiry;

    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        worker = NodeWorker.startedEvery("mm7-expiry-scan", 2000, threads, this::scan);
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    private void scan() {
        List<String> due = em.createQuery("select m.messageId from MultimediaMessage m"
                        + " where m.expiryDate <= :now and m.expiredAt is null order by m.expiryDate", String.class)
                .setParameter("now", Instant.now()).setMaxResults(100).getResultList();
        for (String messageId : due) {
            try {
                expiry.expire(messageId);
            } catch (Exception e) { // a failed commit may surface as the checked RollbackException
                LOG.log(Level.WARNING, "could not expire message " + messageId + "; next scan retries", e);
            }
        }
    }
}
