package mm7gw.charging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mm7gw.cdr.AgentAddress;
import mm7gw.cdr.CdrFileFormat;
import mm7gw.cdr.MmsRecord;
import mm7gw.cdr.MmsRecordType;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing on count, size and age; names in order; a crash in the middle of a file loses and repeats nothing. */
class NodeCdrFilesTest {
    @TempDir
    Path base;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-07T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private NodeCdrFiles files(long maxBytes, long maxRecords, Duration maxAge) {
        return NodeCdrFiles.resume(base, "node one", new NodeCdrFiles.Limits(maxBytes, maxRecords, maxAge),
                InetAddress.getLoopbackAddress(), clock);
    }

    private static byte[] record(String writer, long seq) {
        return new MmsRecord(MmsRecordType.MM7C).rsAddress("originatorMmsRSAddress", "gw").text("vaspID", writer)
                .text("vasID", "s").text("messageID", "m-" + seq)
                .agentAddress("originatorAddress", new AgentAddress(AgentAddress.Kind.SHORT_CODE, "4455", null))
                .integer("localSequenceNumber", seq).encode();
    }

    /** (writer, localSequenceNumber) of every record of every closed file, read with BouncyCastle, in file order. */
    private List<String> recordsInClosedFiles() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Path f : NodeCdrFiles.closedFiles(base.resolve("node_one"))) {
            for (CdrFileFormat.Cdr cdr : CdrFileFormat.read(Files.readAllBytes(f)).cdrs()) {
                try (ASN1InputStream in = new ASN1InputStream(cdr.record())) {
                    ASN1TaggedObject r = (ASN1TaggedObject) in.readObject();
                    String writer = null;
                    long seq = -1;
                    for (var e : ASN1Sequence.getInstance(r, false)) {
                        ASN1TaggedObject field = (ASN1TaggedObject) e;
                        if (field.getTagNo() == 2) {
                            writer = new String(org.bouncycastle.asn1.ASN1OctetString.getInstance(field, false).getOctets());
                        } else if (field.getTagNo() == 10) {
                            seq = ASN1Integer.getInstance(field, false).longValueExact();
                        }
                    }
                    seen.add(writer + "/" + seq);
                }
            }
        }
        return seen;
    }

    @Test
    void filesCloseOnTheirRecordCountAndTheirNamesSortInOrder() throws Exception {
        NodeCdrFiles files = files(1 << 20, 3, Duration.ofHours(1));
        List<Path> closed = new ArrayList<>();
        for (long seq = 1; seq <= 7; seq++) {
            closed.addAll(files.append("w", seq, record("w", seq), now.get()));
            now.set(now.get().plusSeconds(1));
        }
        assertEquals(2, closed.size());
        assertEquals(List.of("node_one_0000000001_20260307T100000Z.cdr", "node_one_0000000002_20260307T100003Z.cdr"),
                NodeCdrFiles.closedFiles(base.resolve("node_one")).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(3, CdrFileFormat.read(Files.readAllBytes(closed.get(1))).header().cdrCount());
        assertEquals(CdrFileFormat.ClosureReason.COUNT, CdrFileFormat.read(Files.readAllBytes(closed.get(1))).header().closureReason());
        assertEquals(Map.of("w", 6L), NodeCdrFiles.checkpoint(NodeCdrFiles.header(closed.get(1)).privateExtension()));
        assertEquals(List.of("w/1", "w/2", "w/3", "w/4", "w/5", "w/6"), recordsInClosedFiles(), "the 7th is in the open file");
    }

    @Test
    void aFileClosesBeforeARecordWouldMakeItTooLargeAndWhenItIsOld() throws Exception {
        int recordLength = record("w", 1).length + CdrFileFormat.CDR_HEADER_LENGTH;
        NodeCdrFiles files = files(1024, 1000, Duration.ofSeconds(60));
        int perFile = 0;
        List<Path> closed = new ArrayList<>();
        for (long seq = 1; closed.isEmpty(); seq++) {
            closed.addAll(files.append("w", seq, record("w", seq), now.get()));
            perFile++;
        }
        CdrFileFormat.ParsedFile first = CdrFileFormat.read(Files.readAllBytes(closed.get(0)));
        assertEquals(CdrFileFormat.ClosureReason.SIZE, first.header().closureReason());
        assertTrue(first.fileLength() <= 1024 && first.fileLength() + recordLength > 1024, first.fileLength() + " octets");
        assertEquals(perFile - 1, first.cdrs().size());

        now.set(now.get().plusSeconds(59));
        assertTrue(files.closeIfOld().isEmpty(), "59 s: not yet");
        now.set(now.get().plusSeconds(1));
        Path old = files.closeIfOld().orElseThrow();
        assertEquals(CdrFileFormat.ClosureReason.AGE, NodeCdrFiles.header(old).closureReason());
        assertEquals(1, NodeCdrFiles.header(old).cdrCount());
        assertTrue(files.closeIfOld().isEmpty(), "no empty files");
    }

    @Test
    void afterACrashWritingContinuesAfterTheLastClosedFileWithNothingTwiceAndNothingMissing() throws Exception {
        NodeCdrFiles files = files(1 << 20, 4, Duration.ofHours(1));
        files.expectWriters(List.of("n", "n#2"));
        for (long seq = 1; seq <= 5; seq++) {
            files.append("n", seq, record("n", seq), now.get());
            files.append("n#2", seq, record("n#2", seq), now.get());
        }
        // closed: n/1 n#2/1 n/2 n#2/2 and n/3 n#2/3 n/4 n#2/4; open: n/5 n#2/5 -- then the process dies
        assertTrue(Files.exists(base.resolve("node_one").resolve(files.openFileName().orElseThrow() + ".open")));

        NodeCdrFiles restarted = files(1 << 20, 4, Duration.ofHours(1));
        assertEquals(4, restarted.lastWritten("n"));
        assertEquals(4, restarted.lastWritten("n#2"));
        assertTrue(Files.list(base.resolve("node_one")).noneMatch(p -> p.toString().endsWith(".open")), "open file discarded");
        assertThrows(IllegalStateException.class, () -> restarted.append("n", 6, record("n", 6), now.get()),
                "only the next number");
        for (long seq = 5; seq <= 6; seq++) {
            restarted.append("n", seq, record("n", seq), now.get());
            restarted.append("n#2", seq, record("n#2", seq), now.get());
        }
        restarted.closeNow(CdrFileFormat.ClosureReason.MANUAL);
        List<String> all = recordsInClosedFiles();
        assertEquals(12, all.size());
        assertEquals(12, new java.util.HashSet<>(all).size(), "nothing twice: " + all);
        for (long seq = 1; seq <= 6; seq++) {
            assertTrue(all.contains("n/" + seq) && all.contains("n#2/" + seq), "nothing missing: " + all);
        }
        assertEquals(List.of(1L, 2L, 3L), NodeCdrFiles.closedFiles(base.resolve("node_one")).stream()
                .map(p -> NodeCdrFiles.fileSequenceNumber(p.getFileName().toString())).toList(),
                "file sequence numbers without a gap: the discarded file's number is used again");
    }

    @Test
    void aFailedFileIsAbandonedAndItsRecordsGoIntoTheNext() throws Exception {
        NodeCdrFiles files = files(1 << 20, 10, Duration.ofHours(1));
        files.append("w", 1, record("w", 1), now.get());
        files.append("w", 2, record("w", 2), now.get());
        files.abandonOpenFile();
        assertEquals(0, files.lastWritten("w"));
        files.append("w", 1, record("w", 1), now.get());
        files.closeNow(CdrFileFormat.ClosureReason.MANUAL);
        assertEquals(List.of("w/1"), recordsInClosedFiles());
        assertEquals(1, NodeCdrFiles.header(NodeCdrFiles.closedFiles(base.resolve("node_one")).get(0)).fileSequenceNumber());
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NodeCdrFiles.Limits(10, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new NodeCdrFiles.Limits(4096, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new NodeCdrFiles.Limits(4096, 1, Duration.ZERO));
    }
}
