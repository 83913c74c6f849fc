package mm7gw.charging.control;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.cdr.CdrFileFormat;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.system.NodeWorker;

/**
 * Writes this node's charging events into TS 32.297 CDR files ({@link NodeCdrFiles}), one record per event, in
 * each writer's sequence order, from the committed events only: it reads the events that have a writer of this
 * node and a sequence number above the last one written, takes the run of consecutive numbers, and appends
 * their records. An event whose number is not assigned yet, or not committed yet, is written on a later round.
 * <p>
 * Rounds run every {@code mm7.cdr.poll-millis} (default 2000, on a thread of the node) and as soon as the charging sequencer announces
 * new numbers ({@link ChargingEventsSequenced}: when they follow the last number written, the announced events are
 * written as the sequencer committed them, without reading them back); one round at a time. Each round also
 * closes the open file when it has reached its age. On an orderly shutdown the open file is closed ("normal closure"); after a crash it is
 * discarded and its records are written again from the database.
 * <p>
 * Configuration (system properties): {@code mm7.cdr.dir} (the base directory; each node writes into its own
 * subdirectory), {@code mm7.cdr.max-file-bytes}, {@code mm7.cdr.max-records}, {@code mm7.cdr.max-age-seconds}.
 */
@Singleton
@Startup
@DependsOn("ChargingSetup")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CdrFileWriter {
    private static final Logger LOG = Logger.getLogger(CdrFileWriter.class.getName());
    /** events read from the database at once */
    static final int BATCH = 500;
    /** events written in one round at most, so that a round (and the shutdown waiting for it) stays short */
    static final int MAX_PER_ROUND = 20_000;

    @Inject
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    private NodeWorker poller;

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final String node = Charging.WRITER;
    private Path base;
    private NodeCdrFiles files;
    private List<String> writers = List.of();
    private volatile String problem;

    @PostConstruct
    void start() {
        base = directory();
        NodeCdrFiles.Limits limits = new NodeCdrFiles.Limits(longProperty("mm7.cdr.max-file-bytes", 4L << 20, 1024, Integer.MAX_VALUE),
                longProperty("mm7.cdr.max-records", 10_000, 1, 0xFFFFFFFFL),
                Duration.ofSeconds(longProperty("mm7.cdr.max-age-seconds", 300, 1, 86_400L * 366)));
        long pollMillis = longProperty("mm7.cdr.poll-millis", 2000, 100, 3_600_000);
        files = NodeCdrFiles.resume(base, node, limits, nodeAddress(), Clock.systemUTC());
        writers = writersOfThisNode(files.closedCheckpoint().keySet());
        files.expectWriters(writers);
        checkDatabaseHoldsWhatTheFilesHold();
        // the poll calls round directly, not as a business method (see NodeWorker)
        poller = NodeWorker.startedEvery("mm7-cdr-file-writer", pollMillis, threads, () -> round(null));
        LOG.info(() -> "CDR files of node " + node + " in " + files.directory() + " (" + limits + "), continuing after "
                + files.closedCheckpoint());
    }

    @PreDestroy
    void stop() {
        poller.stop();
        lock.lock();
        try {
            files.closeNow(CdrFileFormat.ClosureReason.NORMAL)
                    .ifPresent(f -> LOG.info(() -> "CDR file " + f.getFileName() + " closed at shutdown"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not close the open CDR file at shutdown; its records are written again"
                    + " at the next start", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * New numbers were committed: write them now, unless a round is running (it then goes round once more). When
     * they follow the last number written, the sequencer's events are written as they are, not read back.
     */
    public void sequenced(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargingEventsSequenced event) {
        round(event);
    }

    /**
     * Writes every event committed so far and closes the open file ("manual intervention").
     *
     * @return the file closed, if there was an open one
     */
    public Optional<Path> closeNow() {
        lock.lock();
        try {
            requireNoProblem();
            writePending();
            return files.closeNow(CdrFileFormat.ClosureReason.MANUAL);
        } finally {
            lock.unlock();
        }
    }

    /** The writer's state for the admin API. */
    public record Status(String node, Path directory, Map<String, Long> closedCheckpoint, String openFile,
            long openFileRecords, String problem) {
    }

    public Status status() {
        lock.lock();
        try {
            return new Status(node, files.directory(), files.closedCheckpoint(), files.openFileName().orElse(null),
                    files.openFileRecords(), problem);
        } finally {
            lock.unlock();
        }
    }

    /** The base directory: each node's files are in its own subdirectory of it. */
    public Path base() {
        return base;
    }

    private void round(ChargingEventsSequenced numbered) {
        if (problem != null) {
            return;
        }
        if (!lock.tryLock()) {
            again.set(true);
            return;
        }
        try {
            boolean appended = appendedAsNumbered(numbered);
            do {
                again.set(false);
                if (!appended) {
                    writePending();
                }
                appended = false;
                files.closeIfOld().ifPresent(f -> LOG.fine(() -> "CDR file " + f.getFileName() + " closed: age"));
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "writing CDR files failed; the open file is discarded and written again", e);
            files.abandonOpenFile();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the records of the events the sequencer has just numbered and committed, if they are the run that
     * follows the last one written of their writer (else, as after a round that failed, they are read with the
     * others).
     *
     * @return whether they were appended
     */
    private boolean appendedAsNumbered(ChargingEventsSequenced numbered) {
        if (numbered == null || !writers.contains(numbered.writer())
                || files.lastWritten(numbered.writer()) != numbered.first() - 1) {
            return false;
        }
        numbered.events().forEach(e -> append(numbered.writer(), e));
        return true;
    }

    /** Appends the event's record to the writer's open file (the next number after its last one written). */
    private void append(String writer, ChargingEvent e) {
        files.append(writer, e.sequenceNumber(), MmsRecords.encode(e), e.occurredAt())
                .forEach(f -> LOG.fine(() -> "CDR file " + f.getFileName() + " closed"));
    }

    /** Appends the records of every writer's committed, numbered events that follow the last one written. */
    private void writePending() {
        int written = 0;
        for (String writer : writers) {
            while (written < MAX_PER_ROUND) {
                List<ChargingEvent> batch = em.createQuery("select e from ChargingEvent e where e.writer = :writer"
                                + " and e.sequenceNumber > :after order by e.sequenceNumber", ChargingEvent.class)
                        .setParameter("writer", writer).setParameter("after", files.lastWritten(writer))
                        .setMaxResults(BATCH).getResultList();
                int taken = 0;
                for (ChargingEvent e : batch) {
                    if (e.sequenceNumber() != files.lastWritten(writer) + 1) {
                        break; // a number not committed yet: the run stops here, the rest comes in a later round
                    }
                    append(writer, e);
                    taken++;
                }
                written += taken;
                if (taken < BATCH) {
                    break;
                }
            }
        }
    }

    /**
     * The writers whose events this node writes: the node itself and, until the per-node sequencer replaces them,
     * its charging lanes ({@code <node>#2}, ...), as their counter rows list them.
     */
    private List<String> writersOfThisNode(Set<String> fromCheckpoint) {
        Set<String> names = new LinkedHashSet<>();
        names.add(node);
        em.createQuery("select w.writer from ChargingWriter w order by w.writer", String.class).getResultList().stream()
                .filter(w -> w.equals(node) || w.startsWith(node + "#")).forEach(names::add);
        names.addAll(fromCheckpoint);
        return new ArrayList<>(names);
    }

    /**
     * The files must not be ahead of the database (a database recreated or restored to an earlier state while the
     * files stayed): the writer would skip the new events whose numbers the files already hold. It then writes
     * nothing and says why, until an operator moves the old files away and restarts.
     */
    private void checkDatabaseHoldsWhatTheFilesHold() {
        for (Map.Entry<String, Long> c : files.closedCheckpoint().entrySet()) {
            Long max = em.createQuery("select max(e.sequenceNumber) from ChargingEvent e where e.writer = :writer",
                    Long.class).setParameter("writer", c.getKey()).getSingleResult();
            long inDatabase = max == null ? 0 : max;
            if (inDatabase < c.getValue()) {
                problem = "the CDR files in " + files.directory() + " hold records of writer " + c.getKey() + " up to "
                        + c.getValue() + ", the database only up to " + inDatabase + " (was it recreated or restored?);"
                        + " no CDR file is written until the files are moved away and the application restarted";
                LOG.severe(problem);
                return;
            }
        }
    }

    private void requireNoProblem() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * {@code mm7.cdr.dir}, else {@code mm7-cdr} in the server's data directory: WildFly's
     * {@code jboss.server.data.dir}, Payara's domain directory ({@code com.sun.aas.instanceRoot}).
     */
    static Path directory() {
        String configured = System.getProperty("mm7.cdr.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String wildfly = System.getProperty("jboss.server.data.dir");
        if (wildfly != null) {
            return Path.of(wildfly, "mm7-cdr");
        }
        String payara = System.getProperty("com.sun.aas.instanceRoot");
        if (payara != null) {
            return Path.of(payara, "mm7-cdr");
        }
        return Path.of(System.getProperty("user.dir"), "mm7-cdr");
    }

    /** The address the file headers name: {@code mm7.cdr.node-address}, else the server's bind address. */
    private static InetAddress nodeAddress() {
        for (String property : new String[] {"mm7.cdr.node-address", "jboss.bind.address"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && !value.equals("0.0.0.0")) {
                try {
                    return InetAddress.getByName(value.trim());
                } catch (java.net.UnknownHostException e) {
                    LOG.warning(() -> property + "=" + value + " is not an address; the CDR file headers name the"
                            + " loopback address");
                }
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    private static long longProperty(String name, long defaultValue, long min, long max) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("system property " + name + " must be a whole number from " + min + " to "
                + max + ", not '" + value + "'");
    }
}
