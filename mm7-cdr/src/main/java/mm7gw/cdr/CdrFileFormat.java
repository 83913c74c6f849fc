package mm7gw.cdr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CDR file format of TS 32.297: a file header, then each CDR behind its own CDR header. All numbers are
 * big-endian (network order).
 * <pre>
 * file header                                   octets
 *   file length (the whole file)                4
 *   header length (the file header)             4
 *   high release id (3 bits) | version (5 bits) 1
 *   low release id (3 bits)  | version (5 bits) 1
 *   file opening timestamp                      4
 *   timestamp when the last CDR was appended    4
 *   number of CDRs in the file                  4
 *   file sequence number                        4
 *   file closure trigger reason                 1
 *   IP address of the node that wrote the file  20
 *   lost CDR indicator                          1
 *   length of CDR routeing filter, filter       2 + n
 *   length of private extension, extension      2 + n
 *   high release id extension                   1 (release id 7: the release is 10 + this)
 *   low release id extension                    1
 * CDR header
 *   CDR length (the record behind this header)  2
 *   release id (3 bits) | version id (5 bits)   1
 *   data record format (3 bits) | TS (5 bits)   1 (format 1 = BER, TS 10 = TS 32.270, MMS)
 *   release id extension                        1
 * </pre>
 * A timestamp is packed into 32 bits: month (4), day (5), hour (5), minute (6), sign of the UTC offset (1: 1 is
 * "+"), offset hours (5), offset minutes (6). The gateway writes UTC. The node address holds an IPv6 address in
 * its last 16 octets (an IPv4 address as ::ffff:a.b.c.d) behind four FF octets.
 */
public final class CdrFileFormat {
    /** TS 32.298 release and version the records follow (release identifier 7 plus the extension octet 7). */
    public static final int RELEASE = 17;
    public static final int VERSION = 0;
    /** data record format: BER */
    public static final int FORMAT_BER = 1;
    /** the "TS number" of the CDR header for TS 32.270 (MMS charging) */
    public static final int TS_32270 = 10;
    /** the most octets one CDR may have: its length field has two octets */
    public static final int MAX_CDR_LENGTH = 0xFFFF;
    public static final int CDR_HEADER_LENGTH = 5;
    /** header octets before the variable parts (routeing filter and private extension) */
    private static final int FIXED_HEADER_LENGTH = 4 + 4 + 1 + 1 + 4 + 4 + 4 + 4 + 1 + 20 + 1;

    private CdrFileFormat() {
    }

    /** Why a file was closed (TS 32.297 "file closure trigger reason"). */
    public enum ClosureReason {
        NORMAL(0), SIZE(1), AGE(2), COUNT(3), MANUAL(4), CHANGE(5), ABNORMAL(128), ERROR(129), DISK_SPACE(130),
        INTEGRITY(131);

        private final int code;

        ClosureReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static ClosureReason of(int code) {
            return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown closure reason " + code));
        }
    }

    /**
     * The file header's fields (file and header length are computed).
     *
     * @param lostCdrs the lost CDR indicator octet: 0, no CDR was lost
     * @param privateExtension the writer's own data (the gateway: its checkpoint), may be empty
     */
    public record FileHeader(int highRelease, int highVersion, int lowRelease, int lowVersion, Instant opened,
            Instant lastAppended, long cdrCount, long fileSequenceNumber, ClosureReason closureReason,
            InetAddress nodeAddress, int lostCdrs, byte[] privateExtension) {

        public int length() {
            return FIXED_HEADER_LENGTH + 2 + 2 + privateExtension.length + 2;
        }

        public byte[] encode(long fileLength) {
            ByteBuffer b = ByteBuffer.allocate(length());
            b.putInt((int) fileLength);
            b.putInt(length());
            b.put(releaseVersion(highRelease, highVersion));
            b.put(releaseVersion(lowRelease, lowVersion));
            b.putInt(timestamp(opened));
            b.putInt(timestamp(lastAppended));
            b.putInt((int) cdrCount);
            b.putInt((int) fileSequenceNumber);
            b.put((byte) closureReason.code());
            b.put(address(nodeAddress));
            b.put((byte) lostCdrs);
            b.putShort((short) 0); // no CDR routeing filter
            b.putShort((short) privateExtension.length);
            b.put(privateExtension);
            b.put((byte) releaseExtension(highRelease));
            b.put((byte) releaseExtension(lowRelease));
            return b.array();
        }
    }

    /** A CDR header and the record behind it, as read from a file. */
    public record Cdr(int offset, int release, int version, int format, int tsNumber, byte[] record) {
    }

    /** A whole file as read back. */
    public record ParsedFile(long fileLength, int headerLength, FileHeader header, List<Cdr> cdrs) {
    }

    public static byte[] cdrHeader(int recordLength) {
        if (recordLength > MAX_CDR_LENGTH) {
            throw new IllegalArgumentException("a CDR of " + recordLength + " octets exceeds " + MAX_CDR_LENGTH);
        }
        return ByteBuffer.allocate(CDR_HEADER_LENGTH).putShort((short) recordLength)
                .put(releaseVersion(RELEASE, VERSION)).put((byte) (FORMAT_BER << 5 | TS_32270))
                .put((byte) releaseExtension(RELEASE)).array();
    }

    /** The header of a file from its first octets (at least the header's length, e.g. the whole file). */
    public static FileHeader readHeader(byte[] head) {
        return header(ByteBuffer.wrap(head), head.length);
    }

    /** The octets to read from a file's start to have its header: the header length field (octets 5 to 8). */
    public static int headerLength(byte[] firstEight) {
        return ByteBuffer.wrap(firstEight).getInt(4);
    }

    private static FileHeader header(ByteBuffer b, long available) {
        if (available < FIXED_HEADER_LENGTH + 4) {
            throw new IllegalArgumentException("not a CDR file: only " + available + " octets");
        }
        b.getInt(); // file length: checked by the caller that has the whole file
        int headerLength = b.getInt();
        if (headerLength < FIXED_HEADER_LENGTH + 4 || headerLength > available) {
            throw new IllegalArgumentException("header length " + headerLength + " does not fit the "
                    + available + " octets read");
        }
        int high = b.get() & 0xFF;
        int low = b.get() & 0xFF;
        Instant opened = instant(b.getInt());
        Instant appended = instant(b.getInt());
        long count = Integer.toUnsignedLong(b.getInt());
        long sequence = Integer.toUnsignedLong(b.getInt());
        ClosureReason reason = ClosureReason.of(b.get() & 0xFF);
        byte[] address = new byte[20];
        b.get(address);
        int lost = b.get() & 0xFF;
        int filterLength = Short.toUnsignedInt(b.getShort());
        b.position(b.position() + filterLength);
        byte[] extension = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(extension);
        int highRelease = release(high >>> 5, b.position() < headerLength ? b.get() & 0xFF : 0);
        int lowRelease = release(low >>> 5, b.position() < headerLength ? b.get() & 0xFF : 0);
        if (b.position() != headerLength) {
            throw new IllegalArgumentException("header length " + headerLength + ", fields end at " + b.position());
        }
        return new FileHeader(highRelease, high & 0x1F, lowRelease, low & 0x1F, opened, appended, count,
                sequence, reason, address(address), lost, extension);
    }

    /** Reads a file, checking its lengths and the number of CDRs against the header. */
    public static ParsedFile read(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        if (file.length < 8) {
            throw new IllegalArgumentException("not a CDR file: only " + file.length + " octets");
        }
        long fileLength = Integer.toUnsignedLong(b.getInt(0));
        if (fileLength != file.length) {
            throw new IllegalArgumentException("the header says " + fileLength + " octets, the file has " + file.length);
        }
        FileHeader header = header(b, file.length);
        int headerLength = b.position();
        List<Cdr> cdrs = new ArrayList<>();
        while (b.hasRemaining()) {
            int offset = b.position();
            if (b.remaining() < 4) {
                throw new IllegalArgumentException("a CDR header is cut off at offset " + offset);
            }
            int length = Short.toUnsignedInt(b.getShort());
            int rv = b.get() & 0xFF;
            int ft = b.get() & 0xFF;
            int release = release(rv >>> 5, rv >>> 5 == 7 ? b.get() & 0xFF : 0);
            if (b.remaining() < length) {
                throw new IllegalArgumentException("the CDR at offset " + offset + " needs " + length + " octets, "
                        + b.remaining() + " remain");
            }
            byte[] record = new byte[length];
            b.get(record);
            cdrs.add(new Cdr(offset, release, rv & 0x1F, ft >>> 5, ft & 0x1F, record));
        }
        if (cdrs.size() != header.cdrCount()) {
            throw new IllegalArgumentException("the header counts " + header.cdrCount() + " CDRs, the file holds "
                    + cdrs.size());
        }
        return new ParsedFile(fileLength, headerLength, header, cdrs);
    }

    private static byte releaseVersion(int release, int version) {
        int id = switch (release) {
            case 99 -> 0;
            case 4, 5, 6, 7, 8, 9 -> release - 3;
            default -> {
                if (release < 10) {
                    throw new IllegalArgumentException("release " + release);
                }
                yield 7;
            }
        };
        return (byte) (id << 5 | (version & 0x1F));
    }

    private static int releaseExtension(int release) {
        return release >= 10 && release != 99 ? release - 10 : 0;
    }

    private static int release(int id, int extension) {
        return switch (id) {
            case 0 -> 99;
            case 7 -> 10 + extension;
            default -> id + 3;
        };
    }

    static int timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return t.getMonthValue() << 28 | t.getDayOfMonth() << 23 | t.getHour() << 18 | t.getMinute() << 12
                | 1 << 11; // "+", offset 00:00
    }

    /**
     * The instant of a packed timestamp; it has no year, so the year is taken as the one that puts the time
     * closest to now (a file's time is never far from when it is read).
     */
    static Instant instant(int packed) {
        int month = packed >>> 28;
        int day = packed >>> 23 & 0x1F;
        int hour = packed >>> 18 & 0x1F;
        int minute = packed >>> 12 & 0x3F;
        int sign = (packed >>> 11 & 1) == 1 ? 1 : -1;
        int offset = sign * ((packed >>> 6 & 0x1F) * 60 + (packed & 0x3F));
        int year = LocalDateTime.now(ZoneOffset.UTC).getYear();
        Instant best = null;
        for (int y = year - 1; y <= year + 1; y++) {
            try {
                Instant candidate = LocalDateTime.of(y, month, day, hour, minute)
                        .toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
                if (best == null || Math.abs(candidate.getEpochSecond() - Instant.now().getEpochSecond())
                        < Math.abs(best.getEpochSecond() - Instant.now().getEpochSecond())) {
                    best = candidate;
                }
            } catch (RuntimeException invalidDate) {
                // 29 February in a year without it
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("not a timestamp: " + Integer.toHexString(packed));
        }
        return best;
    }

    static byte[] address(InetAddress a) {
        byte[] out = new byte[20];
        Arrays.fill(out, 0, 4, (byte) 0xFF);
        byte[] raw = a.getAddress();
        if (raw.length == 4) {
            out[14] = (byte) 0xFF;
            out[15] = (byte) 0xFF;
            System.arraycopy(raw, 0, out, 16, 4);
        } else {
            System.arraycopy(raw, 0, out, 4, 16);
        }
        return out;
    }

    static InetAddress address(byte[] twenty) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(twenty, 4, 20));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
