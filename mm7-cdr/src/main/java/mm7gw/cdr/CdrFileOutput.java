package mm7gw.cdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * One CDR file being written. It lives under a temporary name ({@code <name>.open}) with a provisional header
 * of its final length (the private extension's room is reserved when the file is opened); CDRs are appended
 * behind it. {@link #close} writes the real header in place, forces everything to disk, renames the file to its
 * final name in one atomic step, makes it read-only and forces the directory: a closed file appears complete or
 * not at all, and is never changed afterwards. A file left open by a crash is not a CDR file; the writer throws
 * it away ({@link #discardLeftovers}) and writes its records again from their source.
 */
public final class CdrFileOutput {
    public static final String OPEN_SUFFIX = ".open";

    private final Path directory;
    private final Path openFile;
    private final String name;
    private final FileChannel channel;
    private final long fileSequenceNumber;
    private final Instant opened;
    private final InetAddress nodeAddress;
    private final int reservedExtension;
    private final int headerLength;
    private long size;
    private long count;
    private Instant lastAppended;

    private CdrFileOutput(Path directory, String name, long fileSequenceNumber, Instant opened, InetAddress nodeAddress,
            int reservedExtension) throws IOException {
        this.directory = directory;
        this.name = name;
        this.openFile = directory.resolve(name + OPEN_SUFFIX);
        this.fileSequenceNumber = fileSequenceNumber;
        this.opened = opened;
        this.lastAppended = opened;
        this.nodeAddress = nodeAddress;
        this.reservedExtension = reservedExtension;
        this.channel = FileChannel.open(openFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.headerLength = header(CdrFileFormat.ClosureReason.ABNORMAL, new byte[0]).length();
        channel.write(ByteBuffer.wrap(header(CdrFileFormat.ClosureReason.ABNORMAL, new byte[0]).encode(headerLength)));
        this.size = headerLength;
    }

    /**
     * Opens {@code <directory>/<name>.open}.
     *
     * @param reservedExtension the room, in octets, of the private extension the header will carry when closed
     */
    public static CdrFileOutput open(Path directory, String name, long fileSequenceNumber, Instant opened,
            InetAddress nodeAddress, int reservedExtension) {
        try {
            Files.createDirectories(directory);
            return new CdrFileOutput(directory, name, fileSequenceNumber, opened, nodeAddress, reservedExtension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open CDR file " + name + " in " + directory + ": " + e, e);
        }
    }

    /** Deletes every file the writer left open in the directory (a crash); returns how many. */
    public static int discardLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            int n = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(OPEN_SUFFIX)).toList()) {
                Files.delete(p);
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear open CDR files in " + directory + ": " + e, e);
        }
    }

    /** The size the file has after appending a record of that length. */
    public long sizeWith(int recordLength) {
        return size + CdrFileFormat.CDR_HEADER_LENGTH + recordLength;
    }

    public void append(byte[] record, Instant at) {
        try {
            ByteBuffer cdr = ByteBuffer.allocate(CdrFileFormat.CDR_HEADER_LENGTH + record.length);
            cdr.put(CdrFileFormat.cdrHeader(record.length)).put(record).flip();
            while (cdr.hasRemaining()) {
                channel.write(cdr);
            }
            size += CdrFileFormat.CDR_HEADER_LENGTH + record.length;
            count++;
            lastAppended = at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to CDR file " + openFile + ": " + e, e);
        }
    }

    /**
     * Writes the final header, forces the file, renames it to its final name atomically and makes it read-only.
     *
     * @param privateExtension at most the reserved room; the rest of the room is filled with zero octets
     * @return the closed file
     */
    public Path close(CdrFileFormat.ClosureReason reason, byte[] privateExtension) {
        if (privateExtension.length > reservedExtension) {
            throw new IllegalArgumentException("private extension of " + privateExtension.length
                    + " octets exceeds the " + reservedExtension + " reserved");
        }
        Path closed = directory.resolve(name);
        try {
            byte[] header = header(reason, Arrays.copyOf(privateExtension, reservedExtension)).encode(size);
            channel.write(ByteBuffer.wrap(header), 0);
            channel.force(true);
            channel.close();
            try {
                Files.move(openFile, closed, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename " + openFile + " atomically", e);
            }
            closed.toFile().setWritable(false, false);
            forceDirectory();
            return closed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close CDR file " + openFile + ": " + e, e);
        }
    }

    /** Abandons the file (its records will be written again into another). */
    public void discard() {
        try {
            channel.close();
            Files.deleteIfExists(openFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard CDR file " + openFile + ": " + e, e);
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the rename itself is atomic either way
        }
    }

    private CdrFileFormat.FileHeader header(CdrFileFormat.ClosureReason reason, byte[] extension) {
        byte[] room = extension.length == reservedExtension ? extension : Arrays.copyOf(extension, reservedExtension);
        return new CdrFileFormat.FileHeader(CdrFileFormat.RELEASE, CdrFileFormat.VERSION, CdrFileFormat.RELEASE,
                CdrFileFormat.VERSION, opened, lastAppended, count, fileSequenceNumber, reason, nodeAddress, 0, room);
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public long count() {
        return count;
    }

    public Instant opened() {
        return opened;
    }

    public long fileSequenceNumber() {
        return fileSequenceNumber;
    }

    int headerLength() {
        return headerLength;
    }
}
