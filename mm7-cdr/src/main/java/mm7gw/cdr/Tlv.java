package mm7gw.cdr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One BER value read back: its class, constructed bit, tag number and contents, with the values inside a
 * constructed one. Definite lengths only (what {@link Ber} writes); anything else is refused with the offset
 * where it went wrong.
 */
public record Tlv(int tagClass, boolean constructed, int tagNumber, byte[] contents, List<Tlv> children) {

    /** Exactly one value filling the whole array. */
    public static Tlv parse(byte[] data) {
        Reader r = new Reader(data, 0, data.length);
        Tlv tlv = r.next();
        if (r.position != data.length) {
            throw new IllegalArgumentException((data.length - r.position) + " octets after the value at offset "
                    + r.position);
        }
        return tlv;
    }

    /** All values one after the other in {@code data[from, to)}. */
    public static List<Tlv> parseAll(byte[] data, int from, int to) {
        Reader r = new Reader(data, from, to);
        List<Tlv> values = new ArrayList<>();
        while (r.position < to) {
            values.add(r.next());
        }
        return values;
    }

    public boolean isContext(int tag) {
        return tagClass == Ber.CONTEXT && tagNumber == tag;
    }

    /** The direct child with context tag {@code tag}, or null. */
    public Tlv child(int tag) {
        return children.stream().filter(c -> c.isContext(tag)).findFirst().orElse(null);
    }

    public long integer() {
        return new BigInteger(contents).longValueExact();
    }

    public String utf8() {
        return new String(contents, StandardCharsets.UTF_8);
    }

    public boolean bool() {
        return contents.length == 1 && contents[0] != 0;
    }

    private static final class Reader {
        private final byte[] data;
        private final int end;
        private int position;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.position = from;
            this.end = to;
        }

        Tlv next() {
            int start = position;
            int first = octet();
            int tagClass = first & 0xC0;
            boolean constructed = (first & Ber.CONSTRUCTED_BIT) != 0;
            int number = first & 0x1F;
            if (number == 0x1F) {
                number = 0;
                int b;
                do {
                    b = octet();
                    if (number > (Integer.MAX_VALUE >> 7)) {
                        throw new IllegalArgumentException("tag number too large at offset " + start);
                    }
                    number = (number << 7) | (b & 0x7F);
                } while ((b & 0x80) != 0);
            }
            int length = octet();
            if (length == 0x80) {
                throw new IllegalArgumentException("indefinite length at offset " + start);
            }
            if (length > 0x80) {
                int octets = length & 0x7F;
                if (octets > 4) {
                    throw new IllegalArgumentException("length of " + octets + " octets at offset " + start);
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | octet();
                }
                if (length < 0) {
                    throw new IllegalArgumentException("length too large at offset " + start);
                }
            }
            if (length > end - position) {
                throw new IllegalArgumentException("value at offset " + start + " is " + length
                        + " octets long, only " + (end - position) + " remain");
            }
            byte[] contents = java.util.Arrays.copyOfRange(data, position, position + length);
            List<Tlv> children = constructed ? parseAll(data, position, position + length) : List.of();
            position += length;
            return new Tlv(tagClass, constructed, number, contents, children);
        }

        private int octet() {
            if (position >= end) {
                throw new IllegalArgumentException("value ends early at offset " + position);
            }
            return data[position++] & 0xFF;
        }
    }
}
