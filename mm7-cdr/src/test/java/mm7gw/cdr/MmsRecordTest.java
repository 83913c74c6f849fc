package mm7gw.cdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.BERTags;
import org.junit.jupiter.api.Test;

/** MMS records as BouncyCastle's generic parser sees them: outer CHOICE tag, field tags and types, values. */
class MmsRecordTest {
    static final Instant T = Instant.parse("2026-03-07T21:05:09Z");

    /** The record's fields by context tag, as BouncyCastle parsed them. */
    static Map<Integer, ASN1TaggedObject> fields(byte[] record, int expectedTag) throws IOException {
        ASN1TaggedObject outer = (ASN1TaggedObject) BerTest.decode(record);
        assertEquals(BERTags.CONTEXT_SPECIFIC, outer.getTagClass());
        assertEquals(expectedTag, outer.getTagNo());
        Map<Integer, ASN1TaggedObject> byTag = new HashMap<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(outer, false)) {
            ASN1TaggedObject f = (ASN1TaggedObject) e;
            assertEquals(BERTags.CONTEXT_SPECIFIC, f.getTagClass());
            assertNull(byTag.put(f.getTagNo(), f), "tag " + f.getTagNo() + " twice");
        }
        return byTag;
    }

    static String text(ASN1TaggedObject f) {
        return new String(ASN1OctetString.getInstance(f, false).getOctets(), StandardCharsets.UTF_8);
    }

    static long integer(ASN1TaggedObject f) {
        return ASN1Integer.getInstance(f, false).getValue().longValueExact();
    }

    @Test
    void anMm7SRecordWithEveryKindOfField() throws IOException {
        String serviceCode = "  Wetter \u00fc \u20ac & <b>\tx  ";
        byte[] ber = new MmsRecord(MmsRecordType.MM7S)
                .rsAddress("originatorMmsRSAddress", "mm7-gateway")
                .text("vaspID", "vasp-1").text("vasID", "svc").text("messageID", "m-1").text("linkedID", "L-9")
                .agentAddress("originatorAddress", new AgentAddress(AgentAddress.Kind.SHORT_CODE, "4455", null))
                .agentAddresses("recipientAddresses", List.of(
                        new AgentAddress(AgentAddress.Kind.MSISDN, "447700900301", AgentAddress.RecipientType.TO),
                        new AgentAddress(AgentAddress.Kind.MSISDN, "4477009003021", AgentAddress.RecipientType.CC),
                        new AgentAddress(AgentAddress.Kind.EMAIL, "a@example.net", AgentAddress.RecipientType.BCC)))
                .text("serviceCode", serviceCode).text("contentType", "text/plain").integer("messageSize", 1234L)
                .enumerated("messageClass", 2).chargedParty("chargeInformation", 0)
                .timestamp("submissionTime", T).waitTime("timeOfExpiry", T.plusSeconds(86400))
                .bool("deliveryReportRequested", true).bool("readReplyRequested", false)
                .enumerated("priority", 2).enumerated("requestStatusCode", 0).text("statusText", "1000 Success")
                .timestamp("recordTimeStamp", T).integer("localSequenceNumber", 4294967295L)
                .extensions("recordExtensions", List.of(MmsRecord.Extension.utf8(GatewayExtension.NODE.oid(), "node-1"),
                        MmsRecord.Extension.integer(GatewayExtension.EVENT_ID.oid(), 77)))
                .encode();
        assertEquals("bf36", HexFormat.of().formatHex(ber, 0, 2), "[54] constructed, high tag number form");

        Map<Integer, ASN1TaggedObject> f = fields(ber, 54);
        assertEquals(54, integer(f.get(0)), "recordType mM7SRecord");
        assertEquals("mm7-gateway", text((ASN1TaggedObject) ASN1Sequence.getInstance(f.get(1), false).getObjectAt(0)));
        assertEquals("L-9", text(f.get(2)));
        assertEquals("vasp-1", text(f.get(3)));
        assertEquals("svc", text(f.get(4)));
        assertEquals("m-1", text(f.get(5)));
        ASN1Sequence originator = ASN1Sequence.getInstance(f.get(6), false);
        ASN1TaggedObject data = (ASN1TaggedObject) originator.getObjectAt(0);
        assertEquals(0, data.getTagNo());
        ASN1TaggedObject shortCode = (ASN1TaggedObject) data.getExplicitBaseObject();
        assertEquals(2, shortCode.getTagNo(), "shortCode alternative");
        assertEquals("4455", text(shortCode));
        assertEquals(1, originator.size(), "no recipient type for an originator");

        ASN1Sequence recipients = ASN1Sequence.getInstance(f.get(7), false);
        assertEquals(3, recipients.size());
        ASN1Sequence first = ASN1Sequence.getInstance(recipients.getObjectAt(0));
        ASN1TaggedObject msisdn = (ASN1TaggedObject) ((ASN1TaggedObject) first.getObjectAt(0)).getExplicitBaseObject();
        assertEquals(1, msisdn.getTagNo(), "mSISDN alternative");
        assertEquals("91447700093010", HexFormat.of().formatHex(ASN1OctetString.getInstance(msisdn, false).getOctets()),
                "international E.164, TBCD");
        ASN1Sequence types = ASN1Sequence.getInstance((ASN1TaggedObject) first.getObjectAt(1), false);
        assertEquals(0, ASN1Enumerated.getInstance(types.getObjectAt(0)).intValueExact(), "tO");
        ASN1Sequence second = ASN1Sequence.getInstance(recipients.getObjectAt(1));
        ASN1TaggedObject odd = (ASN1TaggedObject) ((ASN1TaggedObject) second.getObjectAt(0)).getExplicitBaseObject();
        assertEquals("9144770009302" + "0f1", HexFormat.of().formatHex(ASN1OctetString.getInstance(odd, false).getOctets()),
                "odd digit count: F filler in the last high nibble");
        ASN1Sequence third = ASN1Sequence.getInstance(recipients.getObjectAt(2));
        ASN1TaggedObject email = (ASN1TaggedObject) ((ASN1TaggedObject) third.getObjectAt(0)).getExplicitBaseObject();
        assertEquals(0, email.getTagNo());
        assertEquals("a@example.net", text(email));
        assertEquals(2, ASN1Enumerated.getInstance(ASN1Sequence.getInstance((ASN1TaggedObject) third.getObjectAt(1), false)
                .getObjectAt(0)).intValueExact(), "bCC");

        assertArrayEquals(serviceCode.getBytes(StandardCharsets.UTF_8), ASN1OctetString.getInstance(f.get(8), false).getOctets());
        assertEquals("text/plain", text(f.get(9)));
        assertEquals(1234, integer(f.get(11)));
        assertEquals(2, ASN1Enumerated.getInstance(f.get(12), false).intValueExact(), "information-service");
        ASN1TaggedObject chargedParty = (ASN1TaggedObject) ASN1Sequence.getInstance(f.get(13), false).getObjectAt(0);
        assertEquals(0, chargedParty.getTagNo());
        assertEquals(0, ASN1Enumerated.getInstance(chargedParty, false).intValueExact(), "sender");
        assertEquals("260307210509" + "2b" + "0000", HexFormat.of().formatHex(ASN1OctetString.getInstance(f.get(14), false).getOctets()),
                "TimeStamp YYMMDDhhmmss BCD, '+', hhmm");
        ASN1TaggedObject expiry = (ASN1TaggedObject) f.get(15).getExplicitBaseObject();
        assertEquals(0, expiry.getTagNo(), "http-date");
        assertEquals("260308210509", HexFormat.of().formatHex(ASN1OctetString.getInstance(expiry, false).getOctets()).substring(0, 12));
        assertTrue(ASN1Boolean.getInstance(f.get(17), false).isTrue());
        assertTrue(!ASN1Boolean.getInstance(f.get(18), false).isTrue());
        assertEquals(2, ASN1Enumerated.getInstance(f.get(22), false).intValueExact(), "high");
        assertEquals(0, integer(f.get(24)), "normalRelease");
        assertEquals("1000 Success", text(f.get(25)));
        assertEquals(4294967295L, integer(f.get(27)));
        ASN1Sequence extensions = ASN1Sequence.getInstance(f.get(28), false);
        ASN1Sequence node = ASN1Sequence.getInstance(extensions.getObjectAt(0));
        assertEquals(GatewayExtension.NODE.oid(), ASN1ObjectIdentifier.getInstance(node.getObjectAt(0)).getId());
        ASN1TaggedObject info = (ASN1TaggedObject) node.getObjectAt(1);
        assertEquals(2, info.getTagNo());
        assertEquals("node-1", ASN1UTF8String.getInstance(info.getExplicitBaseObject()).getString());
        ASN1Sequence eventId = ASN1Sequence.getInstance(extensions.getObjectAt(1));
        assertEquals(77, ASN1Integer.getInstance(((ASN1TaggedObject) eventId.getObjectAt(1)).getExplicitBaseObject()).intValueExact());
        assertEquals(23, f.size(), "fields written: " + f.keySet());
    }

    @Test
    void aRecordWithoutAMandatoryFieldIsRefused() {
        MmsRecord r = new MmsRecord(MmsRecordType.MM7C).rsAddress("originatorMmsRSAddress", "gw").text("vaspID", "v")
                .text("vasID", "s").text("messageID", "m");
        IllegalStateException e = assertThrows(IllegalStateException.class, r::encode);
        assertTrue(e.getMessage().contains("originatorAddress"), e.getMessage());
    }

    @Test
    void aFieldOfAnotherTypeOrRecordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MmsRecord(MmsRecordType.MM7C).text("contentType", "x"));
        assertThrows(IllegalArgumentException.class, () -> new MmsRecord(MmsRecordType.MM7S).integer("vaspID", 1L));
        assertThrows(IllegalArgumentException.class, () -> new AgentAddress(AgentAddress.Kind.MSISDN, "44+77", null));
    }

    @Test
    void everyRecordTypeHasItsChoiceTagAsRecordTypeValue() throws IOException {
        for (MmsRecordType type : MmsRecordType.values()) {
            MmsRecord r = new MmsRecord(type);
            for (MmsRecordType.Field field : type.fields()) {
                switch (field.kind()) {
                    case TEXT -> r.text(field.name(), "x");
                    case INTEGER -> r.integer(field.name(), 1L);
                    case BOOLEAN -> r.bool(field.name(), true);
                    case TIMESTAMP -> r.timestamp(field.name(), T);
                    case WAIT_TIME -> r.waitTime(field.name(), T);
                    case RS_ADDRESS -> r.rsAddress(field.name(), "gw");
                    case AGENT_ADDRESS -> r.agentAddress(field.name(), new AgentAddress(AgentAddress.Kind.MSISDN, "4477", null));
                    case AGENT_ADDRESSES -> r.agentAddresses(field.name(), List.of());
                    case MESSAGE_CLASS, PRIORITY, MM_STATUS, REQUEST_STATUS -> r.enumerated(field.name(), 1);
                    case CHARGE_INFORMATION -> r.chargedParty(field.name(), 1);
                    case EXTENSIONS -> r.extensions(field.name(), List.of(MmsRecord.Extension.integer(GatewayExtension.EVENT_ID.oid(), 1)));
                    case RECORD_TYPE -> { }
                    default -> throw new AssertionError(field);
                }
            }
            Map<Integer, ASN1TaggedObject> f = fields(r.encode(), type.tag());
            assertEquals(type.tag(), integer(f.get(0)), type.asn1Name());
            assertEquals(type.fields().size(), f.size(), type.asn1Name());
        }
    }

    @Test
    void timeStampsReadBack() {
        assertEquals(T, MmsRecord.readTimeStamp(MmsRecord.timeStamp(T)));
        assertEquals(Instant.parse("2026-03-07T19:05:09Z"), MmsRecord.readTimeStamp(
                HexFormat.of().parseHex("260307210509" + "2b" + "0200")), "21:05 at +02:00 is 19:05 UTC");
    }
}
