package mm7gw.cdr;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TS 32.298 MMS record, filled field by field and encoded in BER as its alternative of the MMSRecordType
 * CHOICE: the outer tag is the alternative's context tag (constructed; it replaces the SET tag, the module has
 * IMPLICIT TAGS), inside it every present field with its own context tag, in tag order. A null value leaves a
 * field out; {@link #encode()} refuses a record that lacks a mandatory field. recordType is set from the type.
 */
public final class MmsRecord {
    /** The named values of the enumerations the records use (TS 32.298). */
    public static final Map<Integer, String> MESSAGE_CLASS = Map.of(0, "personal", 1, "advertisement",
            2, "information-service", 3, "auto");
    public static final Map<Integer, String> PRIORITY = Map.of(0, "low", 1, "normal", 2, "high");
    public static final Map<Integer, String> MM_STATUS = Map.of(0, "retrieved", 1, "forwarded", 2, "expired",
            3, "rejected", 4, "deferred", 5, "unrecognised", 6, "read", 7, "deletedWithoutBeingRead");
    public static final Map<Integer, String> REQUEST_STATUS = Map.of(0, "normalRelease", 4, "abnormalRelease",
            30, "serviceDenied", 31, "messageFormatCorrupt", 32, "sendingAddressUnresolved", 33, "messageNotFound",
            34, "networkProblem", 35, "contentNotAccepted", 36, "unsupportedMessage");
    public static final Map<Integer, String> CHARGED_PARTY = Map.of(0, "sender", 1, "recipient", 2, "both",
            3, "neither", 99, "notspecifiedbyVASP");
    public static final Map<Integer, String> RECIPIENT_TYPE = Map.of(0, "tO", 1, "cC", 2, "bCC");

    private final MmsRecordType type;
    private final TreeMap<Integer, byte[]> fields = new TreeMap<>();

    public MmsRecord(MmsRecordType type) {
        this.type = type;
        put("recordType", MmsRecordType.Kind.RECORD_TYPE, Ber.context(0, Ber.integer(type.tag())));
    }

    public MmsRecordType type() {
        return type;
    }

    /** An OCTET STRING field holding text, as its UTF-8 octets (no change to the text whatsoever). */
    public MmsRecord text(String field, String value) {
        return value == null ? this : primitive(field, MmsRecordType.Kind.TEXT, Ber.utf8(value));
    }

    public MmsRecord integer(String field, Long value) {
        return value == null ? this : primitive(field, MmsRecordType.Kind.INTEGER, Ber.integer(value));
    }

    public MmsRecord bool(String field, Boolean value) {
        return value == null ? this : primitive(field, MmsRecordType.Kind.BOOLEAN, Ber.bool(value));
    }

    public MmsRecord timestamp(String field, Instant value) {
        return value == null ? this : primitive(field, MmsRecordType.Kind.TIMESTAMP, timeStamp(value));
    }

    /** A WaitTime as an absolute time: the http-date alternative [0] (a CHOICE, so explicitly tagged). */
    public MmsRecord waitTime(String field, Instant value) {
        return value == null ? this : constructed(field, MmsRecordType.Kind.WAIT_TIME, Ber.context(0, timeStamp(value)));
    }

    /** MessageClass, PriorityType, MMStatusCodeType (ENUMERATED) or RequestStatusCodeType (INTEGER). */
    public MmsRecord enumerated(String field, Integer value) {
        if (value == null) {
            return this;
        }
        MmsRecordType.Field f = type.field(field);
        if (f.kind() != MmsRecordType.Kind.MESSAGE_CLASS && f.kind() != MmsRecordType.Kind.PRIORITY
                && f.kind() != MmsRecordType.Kind.MM_STATUS && f.kind() != MmsRecordType.Kind.REQUEST_STATUS) {
            throw new IllegalArgumentException(type.asn1Name() + "." + field + " is " + f.kind() + ", not an enumeration");
        }
        fields.put(f.tag(), Ber.context(f.tag(), Ber.integer(value)));
        return this;
    }

    /** An MMSRSAddress given by its domain name. */
    public MmsRecord rsAddress(String field, String domainName) {
        return domainName == null ? this
                : constructed(field, MmsRecordType.Kind.RS_ADDRESS, Ber.context(0, Ber.utf8(domainName)));
    }

    public MmsRecord agentAddress(String field, AgentAddress address) {
        return address == null ? this
                : constructed(field, MmsRecordType.Kind.AGENT_ADDRESS, address.sequenceContents());
    }

    /** A SET OF MMSAgentAddress (present even when empty: recipientAddresses is mandatory). */
    public MmsRecord agentAddresses(String field, List<AgentAddress> addresses) {
        if (addresses == null) {
            return this;
        }
        ByteArrayOutputStream set = new ByteArrayOutputStream();
        for (AgentAddress a : addresses) {
            set.writeBytes(Ber.sequence(a.sequenceContents()));
        }
        return constructed(field, MmsRecordType.Kind.AGENT_ADDRESSES, set.toByteArray());
    }

    /** ChargeInformation with its chargedparty (ENUMERATED, [0]). */
    public MmsRecord chargedParty(String field, Integer chargedParty) {
        return chargedParty == null ? this : constructed(field, MmsRecordType.Kind.CHARGE_INFORMATION,
                Ber.context(0, Ber.integer(chargedParty)));
    }

    /**
     * ManagementExtensions: each a SEQUENCE of the identifier (OBJECT IDENTIFIER) and the information [2] (an
     * open type, so explicitly tagged: [2] holds the value's own TLV). significance is left at its default.
     */
    public MmsRecord extensions(String field, List<Extension> extensions) {
        if (extensions == null || extensions.isEmpty()) {
            return this;
        }
        ByteArrayOutputStream set = new ByteArrayOutputStream();
        for (Extension e : extensions) {
            set.writeBytes(Ber.sequence(GatewayExtension.identifier(e.oid()), Ber.contextConstructed(2, e.information())));
        }
        return constructed(field, MmsRecordType.Kind.EXTENSIONS, set.toByteArray());
    }

    public boolean has(String field) {
        return fields.containsKey(type.field(field).tag());
    }

    /** The record as the TLV of its MMSRecordType alternative. */
    public byte[] encode() {
        for (MmsRecordType.Field f : type.fields()) {
            if (f.mandatory() && !fields.containsKey(f.tag())) {
                throw new IllegalStateException(type.asn1Name() + " lacks its mandatory field " + f.name());
            }
        }
        return Ber.contextConstructed(type.tag(), fields.values().toArray(new byte[0][]));
    }

    private MmsRecord primitive(String field, MmsRecordType.Kind kind, byte[] contents) {
        MmsRecordType.Field f = checked(field, kind);
        return put(field, kind, Ber.context(f.tag(), contents));
    }

    private MmsRecord constructed(String field, MmsRecordType.Kind kind, byte[] contents) {
        MmsRecordType.Field f = checked(field, kind);
        return put(field, kind, Ber.contextConstructed(f.tag(), contents));
    }

    private MmsRecord put(String field, MmsRecordType.Kind kind, byte[] tlv) {
        fields.put(checked(field, kind).tag(), tlv);
        return this;
    }

    private MmsRecordType.Field checked(String field, MmsRecordType.Kind kind) {
        MmsRecordType.Field f = type.field(field);
        if (f.kind() != kind) {
            throw new IllegalArgumentException(type.asn1Name() + "." + field + " is " + f.kind() + ", not " + kind);
        }
        return f;
    }

    /**
     * TimeStamp (TS 32.298): nine octets, YY MM DD hh mm ss as binary coded decimal (tens in the high nibble),
     * the sign of the offset to UTC as an ASCII character, the offset hh mm in BCD. Written in UTC: "+0000".
     */
    public static byte[] timeStamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        return new byte[] {bcd(t.getYear() % 100), bcd(t.getMonthValue()), bcd(t.getDayOfMonth()), bcd(t.getHour()),
            bcd(t.getMinute()), bcd(t.getSecond()), (byte) '+', bcd(0), bcd(0)};
    }

    /** The instant a TimeStamp stands for (years 2000-2099), or null if it is not a valid one. */
    public static Instant readTimeStamp(byte[] octets) {
        if (octets.length != 9 || (octets[6] != '+' && octets[6] != '-')) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + unbcd(octets[0]), unbcd(octets[1]), unbcd(octets[2]),
                    unbcd(octets[3]), unbcd(octets[4]), unbcd(octets[5]));
            int offsetMinutes = unbcd(octets[7]) * 60 + unbcd(octets[8]);
            return local.toInstant(ZoneOffset.ofTotalSeconds((octets[6] == '-' ? -60 : 60) * offsetMinutes));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte bcd(int twoDigits) {
        return (byte) ((twoDigits / 10) << 4 | (twoDigits % 10));
    }

    private static int unbcd(byte b) {
        int high = (b >> 4) & 0x0F;
        int low = b & 0x0F;
        if (high > 9 || low > 9) {
            throw new IllegalArgumentException("not BCD: " + Integer.toHexString(b & 0xFF));
        }
        return high * 10 + low;
    }

    /** A ManagementExtension: its identifier and the complete TLV of its information. */
    public record Extension(String oid, byte[] information) {
        public static Extension utf8(String oid, String text) {
            return new Extension(oid, Ber.universal(Ber.UTF8_STRING, Ber.utf8(text)));
        }

        public static Extension integer(String oid, long value) {
            return new Extension(oid, Ber.universal(Ber.INTEGER, Ber.integer(value)));
        }
    }
}
