package mm7gw.cdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TS 32.297 framing: the header octet by octet (read here with plain offsets, not with the project's reader),
 * every CDR behind its CDR header and decodable by BouncyCastle, the atomic close, and the operator's dump.
 */
class CdrFileTest {
    static final Instant OPENED = Instant.parse("2026-03-07T21:05:09Z");

    @TempDir
    Path dir;

    static byte[] record(long seq) {
        return new MmsRecord(MmsRecordType.MM7C).rsAddress("originatorMmsRSAddress", "gw").text("vaspID", "v")
                .text("vasID", "s").text("messageID", "m-" + seq)
                .agentAddress("originatorAddress", new AgentAddress(AgentAddress.Kind.SHORT_CODE, "4455", null))
                .integer("localSequenceNumber", seq).encode();
    }

    @Test
    void aClosedFileHasItsHeaderCdrHeadersAndRecords() throws Exception {
        CdrFileOutput out = CdrFileOutput.open(dir, "node-1_0000000042", 42, OPENED,
                InetAddress.getByName("127.0.0.1"), 64);
        assertTrue(Files.exists(dir.resolve("node-1_0000000042.open")), "written under a temporary name");
        assertFalse(Files.exists(dir.resolve("node-1_0000000042")));
        List<byte[]> records = List.of(record(1), record(2), record(3));
        for (byte[] r : records) {
            out.append(r, OPENED.plusSeconds(125));
        }
        Path closed = out.close(CdrFileFormat.ClosureReason.COUNT, "7 node-1".getBytes(StandardCharsets.UTF_8));
        assertEquals(dir.resolve("node-1_0000000042"), closed);
        assertFalse(Files.exists(dir.resolve("node-1_0000000042.open")), "renamed, not copied");
        assertFalse(Files.getPosixFilePermissions(closed).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                "a closed file is read-only");

        byte[] file = Files.readAllBytes(closed);
        ByteBuffer b = ByteBuffer.wrap(file);
        assertEquals(file.length, b.getInt(0), "file length");
        int headerLength = b.getInt(4);
        assertEquals(4 + 4 + 1 + 1 + 4 + 4 + 4 + 4 + 1 + 20 + 1 + 2 + 2 + 64 + 1 + 1, headerLength);
        assertEquals(0xE0, file[8] & 0xFF, "high release id 7 (Rel-10 and later), version 0");
        assertEquals(0xE0, file[9] & 0xFF, "low release id 7, version 0");
        // 7 March, 21:05, +00:00: month 3 | day 7 | hour 21 | minute 5 | sign + | 0 | 0
        assertEquals(3 << 28 | 7 << 23 | 21 << 18 | 5 << 12 | 1 << 11, b.getInt(10), "file opening timestamp");
        assertEquals(3 << 28 | 7 << 23 | 21 << 18 | 7 << 12 | 1 << 11, b.getInt(14), "last CDR appended (21:07)");
        assertEquals(3, b.getInt(18), "number of CDRs");
        assertEquals(42, b.getInt(22), "file sequence number");
        assertEquals(3, file[26], "closure reason: maximum number of CDRs");
        assertArrayEquals(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1},
                java.util.Arrays.copyOfRange(file, 27, 47), "node address: FF x4, then ::ffff:127.0.0.1");
        assertEquals(0, file[47], "no CDR lost");
        assertEquals(0, b.getShort(48), "no routeing filter");
        assertEquals(64, b.getShort(50), "private extension length");
        assertEquals("7 node-1", new String(file, 52, 8, StandardCharsets.UTF_8));
        assertEquals(0, file[60], "the rest of the reserved room is zero");
        assertEquals(7, file[headerLength - 2], "high release extension: 10 + 7 = Rel-17");
        assertEquals(7, file[headerLength - 1], "low release extension");

        int offset = headerLength;
        for (byte[] r : records) {
            assertEquals(r.length, b.getShort(offset) & 0xFFFF, "CDR length");
            assertEquals(0xE0, file[offset + 2] & 0xFF, "release id 7, version 0");
            assertEquals(1 << 5 | 10, file[offset + 3] & 0xFF, "BER, TS 32.270");
            assertEquals(7, file[offset + 4], "release extension");
            byte[] inFile = java.util.Arrays.copyOfRange(file, offset + 5, offset + 5 + r.length);
            assertArrayEquals(r, inFile);
            ASN1TaggedObject t = (ASN1TaggedObject) BerTest.decode(inFile);
            assertEquals(57, t.getTagNo(), "MM7CRecord");
            offset += 5 + r.length;
        }
        assertEquals(file.length, offset, "nothing after the last CDR");

        CdrFileFormat.ParsedFile parsed = CdrFileFormat.read(file);
        assertEquals(42, parsed.header().fileSequenceNumber());
        assertEquals(17, parsed.header().highRelease());
        assertEquals(CdrFileFormat.ClosureReason.COUNT, parsed.header().closureReason());
        assertEquals("03-07T21:05", parsed.header().opened().toString().substring(5, 16), "no year, no seconds");
        assertEquals(3, parsed.cdrs().size());
        assertEquals("127.0.0.1", parsed.header().nodeAddress().getHostAddress());
    }

    @Test
    void anEmptyFileIsOnlyAHeaderAndAnIpv6NodeAddressFillsTheLast16Octets() throws Exception {
        CdrFileOutput out = CdrFileOutput.open(dir, "n_0000000001", 1, OPENED, InetAddress.getByName("::1"), 0);
        Path closed = out.close(CdrFileFormat.ClosureReason.MANUAL, new byte[0]);
        byte[] file = Files.readAllBytes(closed);
        assertEquals(4 + 4 + 1 + 1 + 4 + 4 + 4 + 4 + 1 + 20 + 1 + 2 + 2 + 1 + 1, file.length);
        assertEquals(1, file[46], "::1");
        assertEquals(0, CdrFileFormat.read(file).cdrs().size());
    }

    @Test
    void leftoversOfACrashAreDiscardedAndOnlyThem() throws Exception {
        CdrFileOutput closed = CdrFileOutput.open(dir, "n_0000000001", 1, OPENED, InetAddress.getLoopbackAddress(), 0);
        closed.append(record(1), OPENED);
        closed.close(CdrFileFormat.ClosureReason.AGE, new byte[0]);
        CdrFileOutput open = CdrFileOutput.open(dir, "n_0000000002", 2, OPENED, InetAddress.getLoopbackAddress(), 0);
        open.append(record(2), OPENED);
        assertEquals(1, CdrFileOutput.discardLeftovers(dir));
        assertEquals(List.of("n_0000000001"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aDamagedFileIsReportedWithWhatIsWrong() throws Exception {
        CdrFileOutput out = CdrFileOutput.open(dir, "n_0000000001", 1, OPENED, InetAddress.getLoopbackAddress(), 0);
        out.append(record(1), OPENED);
        byte[] file = Files.readAllBytes(out.close(CdrFileFormat.ClosureReason.AGE, new byte[0]));
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CdrFileFormat.read(cut));
        assertTrue(e.getMessage().contains("octets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CdrFileFormat.cdrHeader(70_000));
    }

    @Test
    void theDumpPrintsHeaderRecordsAndFieldsByName() throws Exception {
        CdrFileOutput out = CdrFileOutput.open(dir, "n_0000000005", 5, OPENED, InetAddress.getLoopbackAddress(), 16);
        out.append(new MmsRecord(MmsRecordType.MM7DRRQ).text("messageID", "m-7")
                .agentAddress("recipientAddress", new AgentAddress(AgentAddress.Kind.MSISDN, "447700900301", null))
                .timestamp("mmDateAndTime", OPENED).enumerated("mmStatusCode", 0).integer("localSequenceNumber", 9L)
                .extensions("recordExtensions", List.of(MmsRecord.Extension.utf8(GatewayExtension.WRITER.oid(), "node-1")))
                .encode(), OPENED);
        byte[] file = Files.readAllBytes(out.close(CdrFileFormat.ClosureReason.MANUAL, "9 node-1".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new CdrDump(new PrintStream(text, true, StandardCharsets.UTF_8)).dump("n_0000000005", file);
        String dump = text.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {"file sequence number 5, 1 CDRs, closed: MANUAL (4)", "MM7DRRqRecord [59]",
            "messageID [2] = \"m-7\"", "recipientAddress [4] = mSISDN 447700900301", "mmStatusCode [6] = retrieved (0)",
            "mmDateAndTime [5] = 2026-03-07T21:05:09Z", "localSequenceNumber [9] = 9", "writer (" + GatewayExtension.ARC
                + ".2) = \"node-1\"", "private extension: 9 node-1", "TS 32.270"}) {
            assertTrue(dump.contains(expected), "dump lacks '" + expected + "':\n" + dump);
        }
    }
}
