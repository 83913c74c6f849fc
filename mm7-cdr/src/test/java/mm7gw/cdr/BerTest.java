package mm7gw.cdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.BERTags;
import org.junit.jupiter.api.Test;

/** The encoder's output read back by BouncyCastle's generic ASN.1 parser (never by the project's own reader). */
class BerTest {

    static ASN1Primitive decode(byte[] ber) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(ber)) {
            ASN1Primitive p = in.readObject();
            assertEquals(null, in.readObject(), "exactly one value");
            return p;
        }
    }

    @Test
    void integersAreMinimalTwosComplement() throws IOException {
        for (long v : new long[] {0, 1, 127, 128, 255, 256, -1, -128, -129, 65535, 2147483647L, 4294967295L,
            Long.MAX_VALUE, Long.MIN_VALUE}) {
            byte[] tlv = Ber.universal(Ber.INTEGER, Ber.integer(v));
            assertEquals(BigInteger.valueOf(v), ASN1Integer.getInstance(decode(tlv)).getValue(), "value " + v);
        }
        assertEquals("020100", HexFormat.of().formatHex(Ber.universal(Ber.INTEGER, Ber.integer(0))));
        assertEquals("02020080", HexFormat.of().formatHex(Ber.universal(Ber.INTEGER, Ber.integer(128))));
        assertEquals("02050100000000", HexFormat.of().formatHex(Ber.universal(Ber.INTEGER, Ber.integer(4294967296L))));
    }

    @Test
    void integersAreTheOctetsOfBigIntegersTwosComplement() {
        java.util.Random random = new java.util.Random(21);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertArrayEquals(BigInteger.valueOf(v).toByteArray(), Ber.integer(v), "value " + v);
        }
        for (int shift = 0; shift < 64; shift++) {
            for (long v : new long[] {1L << shift, (1L << shift) - 1, -(1L << shift), -(1L << shift) - 1}) {
                assertArrayEquals(BigInteger.valueOf(v).toByteArray(), Ber.integer(v), "value " + v);
            }
        }
    }

    @Test
    void lengthsUseTheShortFormBelow128AndTheLongFormAbove() throws IOException {
        for (int n : new int[] {0, 1, 127, 128, 255, 256, 65535, 65536, 200_000}) {
            byte[] tlv = Ber.universal(Ber.OCTET_STRING, new byte[n]);
            assertEquals(n, ASN1OctetString.getInstance(decode(tlv)).getOctets().length, "length " + n);
        }
        assertEquals("0481800000", HexFormat.of().formatHex(Ber.universal(Ber.OCTET_STRING, new byte[128])).substring(0, 10));
        assertEquals("048201000000", HexFormat.of().formatHex(Ber.universal(Ber.OCTET_STRING, new byte[256])).substring(0, 12));
    }

    @Test
    void contextTagsBelowAndAbove30AreReadBackWithTheirNumberAndForm() throws IOException {
        for (int tag : new int[] {0, 1, 30, 31, 54, 62, 127, 128, 200, 16383, 16384}) {
            ASN1TaggedObject primitive = (ASN1TaggedObject) decode(Ber.context(tag, new byte[] {7}));
            assertEquals(BERTags.CONTEXT_SPECIFIC, primitive.getTagClass());
            assertEquals(tag, primitive.getTagNo());
            assertArrayEquals(new byte[] {7}, ASN1OctetString.getInstance(primitive, false).getOctets());

            ASN1TaggedObject constructed = (ASN1TaggedObject) decode(Ber.contextConstructed(tag,
                    Ber.context(0, Ber.integer(5)), Ber.context(1, Ber.bool(true))));
            assertEquals(tag, constructed.getTagNo());
            ASN1Sequence inside = ASN1Sequence.getInstance(constructed, false);
            assertEquals(2, inside.size());
            assertEquals(5, ASN1Integer.getInstance((ASN1TaggedObject) inside.getObjectAt(0), false).intValueExact());
            assertTrue(ASN1Boolean.getInstance((ASN1TaggedObject) inside.getObjectAt(1), false).isTrue());
        }
        assertEquals("bf3600", HexFormat.of().formatHex(Ber.contextConstructed(54)));
        assertEquals("9f810001", HexFormat.of().formatHex(Ber.context(128, new byte[] {1})).substring(0, 8));
    }

    @Test
    void booleansEnumeratedTextAndObjectIdentifiers() throws IOException {
        assertTrue(ASN1Boolean.getInstance(decode(Ber.universal(Ber.BOOLEAN, Ber.bool(true)))).isTrue());
        assertFalse(ASN1Boolean.getInstance(decode(Ber.universal(Ber.BOOLEAN, Ber.bool(false)))).isTrue());
        assertEquals(6, ASN1Enumerated.getInstance(decode(Ber.universal(Ber.ENUMERATED, Ber.integer(6)))).intValueExact());
        String text = "  Wetter \u00fc \u20ac \u5929\u6c17 & <b>\tx  ";
        assertEquals(text, ASN1UTF8String.getInstance(decode(Ber.universal(Ber.UTF8_STRING, Ber.utf8(text)))).getString());
        for (String oid : new String[] {"1.2.840.113549", "2.25.28442008367236817801281680499609341279.7", "0.4.0.0.5.5",
            "2.999.3"}) {
            assertEquals(oid, ASN1ObjectIdentifier.getInstance(decode(Ber.universal(Ber.OBJECT_IDENTIFIER,
                    Ber.objectIdentifier(oid)))).getId());
            assertArrayEquals(new ASN1ObjectIdentifier(oid).getEncoded(),
                    Ber.universal(Ber.OBJECT_IDENTIFIER, Ber.objectIdentifier(oid)));
        }
    }

    @Test
    void theProjectsOwnReaderAgreesOnTagsLengthsAndNesting() {
        byte[] value = Ber.contextConstructed(54, Ber.context(0, Ber.integer(54)), Ber.context(300, new byte[300]),
                Ber.contextConstructed(7, Ber.sequence(Ber.contextConstructed(0, Ber.context(1, new byte[] {1, 2})))));
        Tlv t = Tlv.parse(value);
        assertEquals(54, t.tagNumber());
        assertTrue(t.constructed());
        assertEquals(54, t.child(0).integer());
        assertEquals(300, t.child(300).contents().length);
        assertEquals(1, t.child(7).children().size());
    }
}
