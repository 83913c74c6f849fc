package mm7gw.charging.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminAudit;
import mm7gw.cdr.CdrFileFormat;
import mm7gw.charging.control.CdrFileWriter;
import mm7gw.charging.control.NodeCdrFiles;

/**
 * The closed CDR files for admins: list them (every node directory under the base directory this node sees),
 * download one, close this node's open file now, and the writer's state. Files cannot be changed or deleted
 * through it.
 */
@Stateless
@RolesAllowed("admin")
public class CdrFiles {
    @EJB
    CdrFileWriter writer;

    @Inject
    AdminAudit audit;

    /** A closed CDR file; the times of the header have minutes only, closedAt is the file's modification time. */
    public record CdrFileView(String node, String name, long fileSequenceNumber, long size, long records,
            Instant opened, Instant lastRecordAppended, String closureReason, Instant closedAt) {
    }

    /** The CDR file writer of this node. */
    public record WriterStatus(String node, String directory, Map<String, Long> lastWritten, String openFile,
            long openFileRecords, String problem) {
    }

    public List<CdrFileView> list() {
        Path base = writer.base();
        List<CdrFileView> views = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return views;
        }
        try (var nodes = Files.list(base)) {
            for (Path dir : nodes.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList()) {
                for (Path f : NodeCdrFiles.closedFiles(dir)) {
                    views.add(view(dir.getFileName().toString(), f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e, e);
        }
        return views;
    }

    /** A closed file, by its node directory and name as listed. */
    public Path file(String node, String name) {
        if (node == null || !node.equals(NodeCdrFiles.safe(node)) || name == null || !NodeCdrFiles.isClosedFileName(name)) {
            throw RequestRefused.invalid("no CDR file can be named '" + node + "/" + name + "': the node directory and"
                    + " a closed file's name as the list shows them, e.g. node1/node1_0000000001_20260131T120000Z.cdr");
        }
        Path file = writer.base().resolve(node).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw RequestRefused.notFound("CDR file " + node + "/" + name);
        }
        return file;
    }

    public CdrFileView describe(String node, String name) {
        return view(node, file(node, name));
    }

    /** Writes every committed event, then closes this node's open file; empty if none was open. */
    public Optional<CdrFileView> closeNow() {
        try {
            Optional<CdrFileView> closed = writer.closeNow().map(f -> view(f.getParent().getFileName().toString(), f));
            audit.record("CDR file closed", writer.status().node(), closed.map(v -> v.name() + ", " + v.records()
                    + " records").orElse("no file was open"));
            return closed;
        } catch (IllegalStateException e) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, e.getMessage());
        }
    }

    public WriterStatus status() {
        CdrFileWriter.Status s = writer.status();
        return new WriterStatus(s.node(), s.directory().toString(), s.closedCheckpoint(), s.openFile(),
                s.openFileRecords(), s.problem());
    }

    private static CdrFileView view(String node, Path f) {
        CdrFileFormat.FileHeader h = NodeCdrFiles.header(f);
        try {
            return new CdrFileView(node, f.getFileName().toString(), h.fileSequenceNumber(), Files.size(f), h.cdrCount(),
                    h.opened(), h.lastAppended(), h.closureReason().name(), Files.getLastModifiedTime(f).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e, e);
        }
    }
}
