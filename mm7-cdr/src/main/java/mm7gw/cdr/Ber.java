package mm7gw.cdr;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * ASN.1 BER encoding (ITU-T X.690) as the charging records use it: definite lengths only, identifiers with low
 * and high tag numbers, primitive and constructed values, and the contents of INTEGER, ENUMERATED, BOOLEAN,
 * OCTET STRING, UTF8String, GraphicString and OBJECT IDENTIFIER. Values are built inside out: the contents
 * first, then {@link #tlv} puts identifier and length in front.
 */
public final class Ber {
    public static final int UNIVERSAL = 0x00;
    public static final int APPLICATION = 0x40;
    public static final int CONTEXT = 0x80;
    public static final int PRIVATE = 0xC0;
    static final int CONSTRUCTED_BIT = 0x20;

    /** universal tag numbers */
    public static final int BOOLEAN = 1;
    public static final int INTEGER = 2;
    public static final int OCTET_STRING = 4;
    public static final int OBJECT_IDENTIFIER = 6;
    public static final int ENUMERATED = 10;
    public static final int UTF8_STRING = 12;
    public static final int SEQUENCE = 16;
    public static final int SET = 17;
    public static final int GRAPHIC_STRING = 25;

    private Ber() {
    }

    /** Identifier, definite length and contents of one value. */
    public static byte[] tlv(int tagClass, boolean constructed, int tagNumber, byte[] contents) {
        return concat(identifier(tagClass, constructed, tagNumber), length(contents.length), contents);
    }

    /** A context-specific primitive value: the field {@code [tag]} of an IMPLICIT TAGS module. */
    public static byte[] context(int tag, byte[] contents) {
        return tlv(CONTEXT, false, tag, contents);
    }

    /** A context-specific constructed value (a tagged SET, SEQUENCE, SET OF, or an explicitly tagged CHOICE). */
    public static byte[] contextConstructed(int tag, byte[]... elements) {
        return tlv(CONTEXT, true, tag, concat(elements));
    }

    public static byte[] universal(int tag, byte[] contents) {
        return tlv(UNIVERSAL, tag == SEQUENCE || tag == SET, tag, contents);
    }

    public static byte[] sequence(byte[]... elements) {
        return tlv(UNIVERSAL, true, SEQUENCE, concat(elements));
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * The identifier octets: class, the constructed bit, and the tag number in the first octet (0..30), or 31
     * there and the number in base 128 in the following octets, most significant group first, bit 8 set on all
     * but the last.
     */
    static byte[] identifier(int tagClass, boolean constructed, int tagNumber) {
        if (tagNumber < 0) {
            throw new IllegalArgumentException("negative tag number " + tagNumber);
        }
        int first = tagClass | (constructed ? CONSTRUCTED_BIT : 0);
        if (tagNumber < 31) {
            return new byte[] {(byte) (first | tagNumber)};
        }
        byte[] number = base128(tagNumber);
        byte[] id = new byte[number.length + 1];
        id[0] = (byte) (first | 0x1F);
        System.arraycopy(number, 0, id, 1, number.length);
        return id;
    }

    /** Definite length: short form below 128, else 0x80 + the number of length octets, then the length. */
    static byte[] length(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (length < 128) {
            return new byte[] {(byte) length};
        }
        int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[octets + 1];
        out[0] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            out[octets - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }

    /** INTEGER and ENUMERATED contents: two's complement in the fewest octets. */
    public static byte[] integer(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value < 0 ? ~value : value); // without the sign bit
        int octets = bits / 8 + 1;
        byte[] out = new byte[octets];
        for (int i = 0; i < octets; i++) {
            out[octets - 1 - i] = (byte) (value >> (8 * i));
        }
        return out;
    }

    /** BOOLEAN contents: FF for true (any non-zero octet is true to a decoder), 00 for false. */
    public static byte[] bool(boolean value) {
        return new byte[] {(byte) (value ? 0xFF : 0x00)};
    }

    /** UTF8String, GraphicString or an OCTET STRING holding text: the text's UTF-8 octets. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * OBJECT IDENTIFIER contents from dotted notation: the first two arcs combined (40 * first + second), every
     * arc in base 128. Arcs of any size (a 2.25 UUID arc has 38 digits).
     */
    public static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("an object identifier has at least two arcs: " + dotted);
        }
        BigInteger first = new BigInteger(arcs[0]);
        BigInteger second = new BigInteger(arcs[1]);
        if (first.compareTo(BigInteger.TWO) > 0 || (first.compareTo(BigInteger.TWO) < 0 && second.compareTo(BigInteger.valueOf(39)) > 0)) {
            throw new IllegalArgumentException("not an object identifier: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base128(first.multiply(BigInteger.valueOf(40)).add(second)));
        for (int i = 2; i < arcs.length; i++) {
            out.writeBytes(base128(new BigInteger(arcs[i])));
        }
        return out.toByteArray();
    }

    private static byte[] base128(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        byte[] out = new byte[groups];
        long v = value;
        for (int i = groups - 1; i >= 0; i--) {
            out[i] = (byte) (v & 0x7F | (i == groups - 1 ? 0 : 0x80));
            v >>>= 7;
        }
        return out;
    }

    private static byte[] base128(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative arc " + value);
        }
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        byte[] out = new byte[groups];
        BigInteger v = value;
        for (int i = groups - 1; i >= 0; i--) {
            out[i] = (byte) (v.intValue() & 0x7F | (i == groups - 1 ? 0 : 0x80));
            v = v.shiftRight(7);
        }
        return out;
    }
}
