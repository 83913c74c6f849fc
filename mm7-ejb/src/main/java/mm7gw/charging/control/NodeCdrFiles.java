package mm7gw.charging.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mm7gw.cdr.CdrFileFormat;
import mm7gw.cdr.CdrFileOutput;

/**
 * The CDR files of one node in its own directory: which records they already hold, the file being written, and
 * when to close it (size, number of records or age, whichever comes first). No container, no database: the
 * {@link CdrFileWriter} feeds it records in each writer's sequence order.
 * <p>
 * What a node's closed files hold is recorded in each closed file itself: its header's private extension is the
 * checkpoint, the last sequence number written of every writer up to and including that file. After a crash
 * the open file is thrown away and writing resumes from the checkpoint of the last closed file, so every record
 * is in exactly one closed file. Names sort in the order the files were written:
 * {@code <node>_<file sequence number, 10 digits>_<opening time, UTC>.cdr}.
 */
public final class NodeCdrFiles {
    private static final Logger LOG = Logger.getLogger(NodeCdrFiles.class.getName());
    public static final String SUFFIX = ".cdr";
    private static final Pattern CLOSED = Pattern.compile("(.+)_(\\d{10})_(\\d{8}T\\d{6}Z)\\.cdr");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** When a file is closed. */
    public record Limits(long maxBytes, long maxRecords, Duration maxAge) {
        public Limits {
            if (maxBytes < 1024 || maxRecords < 1 || maxRecords > 0xFFFFFFFFL || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("CDR file limits out of range: " + maxBytes + " octets, "
                        + maxRecords + " records, " + maxAge);
            }
        }
    }

    private final Path directory;
    private final String node;
    private final Limits limits;
    private final InetAddress nodeAddress;
    private final Clock clock;
    /** the last number of each writer in the closed files */
    private final Map<String, Long> closed;
    /** the same, including the records of the open file */
    private final Map<String, Long> written;
    private long nextFileSequenceNumber;
    private CdrFileOutput open;

    private NodeCdrFiles(Path directory, String node, Limits limits, InetAddress nodeAddress, Clock clock,
            Map<String, Long> checkpoint, long nextFileSequenceNumber) {
        this.directory = directory;
        this.node = node;
        this.limits = limits;
        this.nodeAddress = nodeAddress;
        this.clock = clock;
        this.closed = new LinkedHashMap<>(checkpoint);
        this.written = new LinkedHashMap<>(checkpoint);
        this.nextFileSequenceNumber = nextFileSequenceNumber;
    }

    /**
     * Takes up the node's directory: throws away a file a crash left open and continues after the last closed
     * file (its checkpoint and file sequence number).
     */
    public static NodeCdrFiles resume(Path base, String node, Limits limits, InetAddress nodeAddress, Clock clock) {
        Path directory = base.resolve(safe(node));
        int discarded = CdrFileOutput.discardLeftovers(directory);
        if (discarded > 0) {
            LOG.warning(() -> discarded + " CDR file(s) left open in " + directory + " were discarded; their records"
                    + " are written again");
        }
        List<Path> files = closedFiles(directory);
        if (files.isEmpty()) {
            return new NodeCdrFiles(directory, node, limits, nodeAddress, clock, Map.of(), 1);
        }
        Path last = files.get(files.size() - 1);
        CdrFileFormat.FileHeader header = header(last);
        return new NodeCdrFiles(directory, node, limits, nodeAddress, clock, checkpoint(header.privateExtension()),
                header.fileSequenceNumber() + 1);
    }

    /** Names the writers whose records go into these files, so that every checkpoint lists them (from 0). */
    public void expectWriters(java.util.Collection<String> writers) {
        for (String w : writers) {
            closed.putIfAbsent(w, 0L);
            written.putIfAbsent(w, 0L);
        }
    }

    /** The last sequence number of the writer the files hold (0: none). */
    public long lastWritten(String writer) {
        return written.getOrDefault(writer, 0L);
    }

    /** What the closed files hold: the last number of every writer. */
    public Map<String, Long> closedCheckpoint() {
        return Map.copyOf(closed);
    }

    /**
     * Appends the record of a writer's next event. Closes the open file first if the record would make it too
     * large, and afterwards if it reached its number of records.
     *
     * @return the files closed on the way
     */
    public List<Path> append(String writer, long sequenceNumber, byte[] record, Instant occurredAt) {
        long expected = lastWritten(writer) + 1;
        if (sequenceNumber != expected) {
            throw new IllegalStateException("writer " + writer + ": record " + sequenceNumber + " is not the next ("
                    + expected + ")");
        }
        List<Path> closedFiles = new java.util.ArrayList<>();
        if (open != null && open.count() > 0 && open.sizeWith(record.length) > limits.maxBytes()) {
            closedFiles.add(close(CdrFileFormat.ClosureReason.SIZE));
        }
        if (open == null) {
            open = CdrFileOutput.open(directory, name(nextFileSequenceNumber, clock.instant()), nextFileSequenceNumber,
                    clock.instant(), nodeAddress, reservedExtension(writer));
            nextFileSequenceNumber++;
        }
        open.append(record, occurredAt);
        written.put(writer, sequenceNumber);
        if (open.count() >= limits.maxRecords()) {
            closedFiles.add(close(CdrFileFormat.ClosureReason.COUNT));
        }
        return closedFiles;
    }

    /** Closes the open file if it has been open for the maximum age. */
    public Optional<Path> closeIfOld() {
        if (open != null && !clock.instant().isBefore(open.opened().plus(limits.maxAge()))) {
            return Optional.of(close(CdrFileFormat.ClosureReason.AGE));
        }
        return Optional.empty();
    }

    /** Closes the open file now, if there is one (an admin's request, or the server shutting down). */
    public Optional<Path> closeNow(CdrFileFormat.ClosureReason reason) {
        return open == null ? Optional.empty() : Optional.of(close(reason));
    }

    /** Throws the open file away after a failure: its records are written again into the next one. */
    public void abandonOpenFile() {
        if (open != null) {
            try {
                open.discard();
            } finally {
                open = null;
                written.clear();
                written.putAll(closed);
                nextFileSequenceNumber--;
            }
        }
    }

    public Optional<String> openFileName() {
        return open == null ? Optional.empty() : Optional.of(open.name());
    }

    public long openFileRecords() {
        return open == null ? 0 : open.count();
    }

    public Path directory() {
        return directory;
    }

    private Path close(CdrFileFormat.ClosureReason reason) {
        Path file = open.close(reason, checkpointText(written).getBytes(StandardCharsets.UTF_8));
        open = null;
        closed.clear();
        closed.putAll(written);
        return file;
    }

    /** The room for the checkpoint: every writer known, with a number of up to 20 digits. */
    private int reservedExtension(String writer) {
        Map<String, Long> writers = new LinkedHashMap<>(written);
        writers.putIfAbsent(writer, 0L);
        return writers.keySet().stream().mapToInt(w -> w.getBytes(StandardCharsets.UTF_8).length + 22).sum() + 512;
    }

    private String name(long fileSequenceNumber, Instant opened) {
        return String.format("%s_%010d_%s%s", safe(node), fileSequenceNumber, NAME_TIME.format(opened), SUFFIX);
    }

    /** A node name as a file name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    public static String safe(String node) {
        String s = node.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /** The closed files of a node's directory in the order they were written. */
    public static List<Path> closedFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(p -> isClosedFileName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e, e);
        }
    }

    public static boolean isClosedFileName(String name) {
        return CLOSED.matcher(name).matches();
    }

    /** The file sequence number in a closed file's name. */
    public static long fileSequenceNumber(String name) {
        Matcher m = CLOSED.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a closed CDR file name: " + name);
        }
        return Long.parseLong(m.group(2));
    }

    /** A closed file's header (only the header is read). */
    public static CdrFileFormat.FileHeader header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] first = in.readNBytes(8);
            int length = first.length < 8 ? first.length : CdrFileFormat.headerLength(first);
            byte[] head = new byte[Math.max(first.length, Math.min(length, 1 << 20))];
            System.arraycopy(first, 0, head, 0, first.length);
            in.readNBytes(head, first.length, head.length - first.length);
            return CdrFileFormat.readHeader(head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    /** The checkpoint as the private extension holds it: one line per writer, "number writer". */
    static String checkpointText(Map<String, Long> checkpoint) {
        StringBuilder s = new StringBuilder();
        checkpoint.forEach((writer, seq) -> s.append(seq).append(' ').append(writer).append('\n'));
        return s.toString();
    }

    static Map<String, Long> checkpoint(byte[] extension) {
        int end = 0;
        while (end < extension.length && extension[end] != 0) {
            end++;
        }
        Map<String, Long> checkpoint = new LinkedHashMap<>();
        for (String line : new String(extension, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 1) {
                throw new IllegalStateException("the last closed CDR file's checkpoint line '" + line + "' is damaged");
            }
            checkpoint.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
        }
        return checkpoint;
    }
}
