package mm7gw.cdr;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The TS 32.298 MMS record types the gateway writes (module MMSChargingDataTypes): each with its alternative of
 * the MMSRecordType CHOICE (its tag is the record's outer tag, and the same number is its recordType value) and
 * the fields the gateway fills, by context tag, name and ASN.1 type. Fields the gateway never fills (component
 * types, access correlation, MSCF information, radio access type, ...) are left out; a decoder that knows the
 * full module reads the records all the same.
 */
public enum MmsRecordType {
    MMR1NRQ("MMR1NRqRecord", 39, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "messageID", Kind.TEXT, true),
            f(3, "replyChargingID", Kind.TEXT, false), f(4, "senderAddress", Kind.AGENT_ADDRESS, true),
            f(5, "recipientAddress", Kind.AGENT_ADDRESS, true), f(7, "messageClass", Kind.MESSAGE_CLASS, false),
            f(9, "messageSize", Kind.INTEGER, true), f(10, "timeOfExpiry", Kind.WAIT_TIME, false),
            f(11, "messageReference", Kind.TEXT, true), f(12, "deliveryReportRequested", Kind.BOOLEAN, false),
            f(13, "replyCharging", Kind.BOOLEAN, false), f(14, "replyDeadline", Kind.WAIT_TIME, false),
            f(15, "replyChargingSize", Kind.INTEGER, false), f(16, "mmStatusCode", Kind.MM_STATUS, false),
            f(17, "statusText", Kind.TEXT, false), f(18, "recordTimeStamp", Kind.TIMESTAMP, false),
            f(19, "localSequenceNumber", Kind.INTEGER, false), f(20, "recordExtensions", Kind.EXTENSIONS, false),
            f(22, "vaspID", Kind.TEXT, false), f(23, "vasID", Kind.TEXT, false)),
    MMR1NRS("MMR1NRsRecord", 40, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "messageID", Kind.TEXT, true),
            f(3, "recipientAddress", Kind.AGENT_ADDRESS, true), f(5, "reportAllowed", Kind.BOOLEAN, false),
            f(6, "mmStatusCode", Kind.MM_STATUS, false), f(7, "statusText", Kind.TEXT, false),
            f(8, "recordTimeStamp", Kind.TIMESTAMP, false), f(9, "localSequenceNumber", Kind.INTEGER, false),
            f(10, "recordExtensions", Kind.EXTENSIONS, false)),
    MMR1RT("MMR1RtRecord", 41, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "messageID", Kind.TEXT, true),
            f(3, "replyChargingID", Kind.TEXT, false), f(4, "senderAddress", Kind.AGENT_ADDRESS, false),
            f(5, "recipientAddress", Kind.AGENT_ADDRESS, true), f(7, "contentType", Kind.TEXT, true),
            f(9, "messageClass", Kind.MESSAGE_CLASS, false), f(10, "submissionTime", Kind.TIMESTAMP, true),
            f(11, "messageSize", Kind.INTEGER, false), f(12, "deliveryReportRequested", Kind.BOOLEAN, false),
            f(13, "priority", Kind.PRIORITY, false), f(14, "readReplyRequested", Kind.BOOLEAN, false),
            f(15, "mmStatusCode", Kind.MM_STATUS, false), f(16, "statusText", Kind.TEXT, false),
            f(17, "replyDeadline", Kind.WAIT_TIME, false), f(18, "replyChargingSize", Kind.INTEGER, false),
            f(20, "timeOfExpiry", Kind.WAIT_TIME, false), f(21, "recordTimeStamp", Kind.TIMESTAMP, false),
            f(22, "localSequenceNumber", Kind.INTEGER, false), f(23, "recordExtensions", Kind.EXTENSIONS, false),
            f(24, "messageReference", Kind.TEXT, true), f(25, "vaspID", Kind.TEXT, false),
            f(26, "vasID", Kind.TEXT, false)),
    MMR1RR("MMR1RRRecord", 45, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "messageID", Kind.TEXT, true),
            f(3, "recipientAddress", Kind.AGENT_ADDRESS, true), f(4, "originatorAddress", Kind.AGENT_ADDRESS, true),
            f(6, "mmStatusCode", Kind.MM_STATUS, false), f(7, "statusText", Kind.TEXT, false),
            f(8, "recordTimeStamp", Kind.TIMESTAMP, false), f(9, "localSequenceNumber", Kind.INTEGER, false),
            f(10, "recordExtensions", Kind.EXTENSIONS, false)),
    MMRMD("MMRMDRecord", 48, f(1, "originatorMmsRSAddress", Kind.RS_ADDRESS, true),
            f(2, "recipientMmsRSAddress", Kind.RS_ADDRESS, false), f(3, "messageID", Kind.TEXT, true),
            f(4, "messageSize", Kind.INTEGER, true), f(5, "mmStatusCode", Kind.MM_STATUS, false),
            f(6, "statusText", Kind.TEXT, false), f(7, "recordTimeStamp", Kind.TIMESTAMP, false),
            f(8, "localSequenceNumber", Kind.INTEGER, false), f(9, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7S("MM7SRecord", 54, f(1, "originatorMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "linkedID", Kind.TEXT, false),
            f(3, "vaspID", Kind.TEXT, true), f(4, "vasID", Kind.TEXT, true), f(5, "messageID", Kind.TEXT, true),
            f(6, "originatorAddress", Kind.AGENT_ADDRESS, true), f(7, "recipientAddresses", Kind.AGENT_ADDRESSES, true),
            f(8, "serviceCode", Kind.TEXT, false), f(9, "contentType", Kind.TEXT, true),
            f(11, "messageSize", Kind.INTEGER, true), f(12, "messageClass", Kind.MESSAGE_CLASS, false),
            f(13, "chargeInformation", Kind.CHARGE_INFORMATION, false), f(14, "submissionTime", Kind.TIMESTAMP, false),
            f(15, "timeOfExpiry", Kind.WAIT_TIME, false), f(16, "earliestTimeOfDelivery", Kind.WAIT_TIME, false),
            f(17, "deliveryReportRequested", Kind.BOOLEAN, false), f(18, "readReplyRequested", Kind.BOOLEAN, false),
            f(19, "replyCharging", Kind.BOOLEAN, false), f(20, "replyDeadline", Kind.WAIT_TIME, false),
            f(21, "replyChargingSize", Kind.INTEGER, false), f(22, "priority", Kind.PRIORITY, false),
            f(23, "messageDistributionIndicator", Kind.BOOLEAN, false),
            f(24, "requestStatusCode", Kind.REQUEST_STATUS, false), f(25, "statusText", Kind.TEXT, false),
            f(26, "recordTimeStamp", Kind.TIMESTAMP, true), f(27, "localSequenceNumber", Kind.INTEGER, false),
            f(28, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7DRQ("MM7DRqRecord", 55, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "linkedID", Kind.TEXT, false),
            f(3, "replyChargingID", Kind.TEXT, false), f(4, "originatorAddress", Kind.AGENT_ADDRESS, true),
            f(5, "recipientAddress", Kind.AGENT_ADDRESS, true), f(7, "messageSize", Kind.INTEGER, true),
            f(8, "contentType", Kind.TEXT, true), f(9, "priority", Kind.PRIORITY, false),
            f(10, "recordTimeStamp", Kind.TIMESTAMP, false), f(11, "localSequenceNumber", Kind.INTEGER, false),
            f(12, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7DRS("MM7DRsRecord", 56, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "messageID", Kind.TEXT, true),
            f(3, "recipientAddress", Kind.AGENT_ADDRESS, true), f(4, "serviceCode", Kind.TEXT, false),
            f(5, "requestStatusCode", Kind.REQUEST_STATUS, false), f(6, "statusText", Kind.TEXT, false),
            f(7, "recordTimeStamp", Kind.TIMESTAMP, false), f(8, "localSequenceNumber", Kind.INTEGER, false),
            f(9, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7C("MM7CRecord", 57, f(1, "originatorMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "vaspID", Kind.TEXT, true),
            f(3, "vasID", Kind.TEXT, true), f(4, "messageID", Kind.TEXT, true),
            f(5, "originatorAddress", Kind.AGENT_ADDRESS, true), f(6, "serviceCode", Kind.TEXT, false),
            f(7, "requestStatusCode", Kind.REQUEST_STATUS, false), f(8, "statusText", Kind.TEXT, false),
            f(9, "recordTimeStamp", Kind.TIMESTAMP, false), f(10, "localSequenceNumber", Kind.INTEGER, false),
            f(11, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7R("MM7RRecord", 58, f(1, "originatorMmsRSAddress", Kind.RS_ADDRESS, true), f(2, "vaspID", Kind.TEXT, true),
            f(3, "vasID", Kind.TEXT, true), f(4, "messageID", Kind.TEXT, true),
            f(5, "originatorAddress", Kind.AGENT_ADDRESS, true), f(6, "serviceCode", Kind.TEXT, false),
            f(7, "contentType", Kind.TEXT, true), f(8, "submissionTime", Kind.TIMESTAMP, false),
            f(9, "timeOfExpiry", Kind.WAIT_TIME, false), f(10, "earliestTimeOfDelivery", Kind.WAIT_TIME, false),
            f(11, "requestStatusCode", Kind.REQUEST_STATUS, false), f(12, "statusText", Kind.TEXT, false),
            f(13, "recordTimeStamp", Kind.TIMESTAMP, false), f(14, "localSequenceNumber", Kind.INTEGER, false),
            f(15, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7DRRQ("MM7DRRqRecord", 59, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, false), f(2, "messageID", Kind.TEXT, true),
            f(3, "originatorAddress", Kind.AGENT_ADDRESS, false), f(4, "recipientAddress", Kind.AGENT_ADDRESS, true),
            f(5, "mmDateAndTime", Kind.TIMESTAMP, false), f(6, "mmStatusCode", Kind.MM_STATUS, true),
            f(7, "mmStatusText", Kind.TEXT, false), f(8, "recordTimeStamp", Kind.TIMESTAMP, false),
            f(9, "localSequenceNumber", Kind.INTEGER, false), f(10, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7DRRS("MM7DRRsRecord", 60, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, false), f(2, "messageID", Kind.TEXT, true),
            f(3, "originatorAddress", Kind.AGENT_ADDRESS, false), f(4, "recipientAddress", Kind.AGENT_ADDRESS, true),
            f(5, "requestStatusCode", Kind.REQUEST_STATUS, false), f(6, "statusText", Kind.TEXT, false),
            f(7, "recordTimeStamp", Kind.TIMESTAMP, false), f(8, "localSequenceNumber", Kind.INTEGER, false),
            f(9, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7RRQ("MM7RRqRecord", 61, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, false), f(2, "messageID", Kind.TEXT, true),
            f(3, "originatorAddress", Kind.AGENT_ADDRESS, false), f(4, "recipientAddress", Kind.AGENT_ADDRESS, true),
            f(5, "mmDateAndTime", Kind.TIMESTAMP, false), f(6, "readStatus", Kind.MM_STATUS, true),
            f(7, "mmStatusText", Kind.TEXT, false), f(8, "recordTimeStamp", Kind.TIMESTAMP, false),
            f(9, "localSequenceNumber", Kind.INTEGER, false), f(10, "recordExtensions", Kind.EXTENSIONS, false)),
    MM7RRS("MM7RRsRecord", 62, f(1, "recipientMmsRSAddress", Kind.RS_ADDRESS, false), f(2, "messageID", Kind.TEXT, true),
            f(3, "originatorAddress", Kind.AGENT_ADDRESS, false), f(4, "recipientAddress", Kind.AGENT_ADDRESS, true),
            f(5, "requestStatusCode", Kind.REQUEST_STATUS, false), f(6, "statusText", Kind.TEXT, false),
            f(7, "recordTimeStamp", Kind.TIMESTAMP, false), f(8, "localSequenceNumber", Kind.INTEGER, false),
            f(9, "recordExtensions", Kind.EXTENSIONS, false));

    /** The ASN.1 type of a field, as far as encoder and dump need to tell them apart. */
    public enum Kind {
        /** RecordType: INTEGER */
        RECORD_TYPE,
        /** OCTET STRING holding text (UTF-8) */
        TEXT,
        /** INTEGER, DataVolume, LocalSequenceNumber */
        INTEGER,
        BOOLEAN,
        /** TimeStamp: OCTET STRING (SIZE(9)), BCD YYMMDDhhmmss, sign, BCD hhmm */
        TIMESTAMP,
        /** WaitTime: CHOICE { http-date [0] TimeStamp, delta-seconds [1] DeltaSeconds } */
        WAIT_TIME,
        /** MMSRSAddress: SEQUENCE { domainName [0] OCTET STRING OPTIONAL, iPAddress [2] IPAddress OPTIONAL } */
        RS_ADDRESS,
        /** MMSAgentAddress: SEQUENCE { mMSAgentAddressData [0] CHOICE, mMSRecipientType [1] SEQUENCE OF ENUMERATED } */
        AGENT_ADDRESS,
        /** MMSAgentAddresses: SET OF MMSAgentAddress */
        AGENT_ADDRESSES,
        /** MessageClass: ENUMERATED */
        MESSAGE_CLASS,
        /** PriorityType: ENUMERATED */
        PRIORITY,
        /** MMStatusCodeType: ENUMERATED */
        MM_STATUS,
        /** RequestStatusCodeType: INTEGER with named values */
        REQUEST_STATUS,
        /** ChargeInformation: SEQUENCE { chargedparty [0] ChargedParty OPTIONAL, chargetype [1] ChargeType OPTIONAL } */
        CHARGE_INFORMATION,
        /** ManagementExtensions: SET OF ManagementExtension (X.721) */
        EXTENSIONS
    }

    /** One field of a record: its context tag, its name in the ASN.1 module, its type and whether it is mandatory. */
    public record Field(int tag, String name, Kind kind, boolean mandatory) {
    }

    private final String asn1Name;
    private final int tag;
    private final Map<String, Field> byName;
    private final Map<Integer, Field> byTag;

    MmsRecordType(String asn1Name, int tag, Field... fields) {
        this.asn1Name = asn1Name;
        this.tag = tag;
        Map<String, Field> names = new LinkedHashMap<>();
        Map<Integer, Field> tags = new LinkedHashMap<>();
        Field recordType = f(0, "recordType", Kind.RECORD_TYPE, true);
        names.put(recordType.name(), recordType);
        tags.put(0, recordType);
        for (Field f : fields) {
            if (names.put(f.name(), f) != null || tags.put(f.tag(), f) != null) {
                throw new IllegalStateException(asn1Name + " lists " + f.name() + " or tag " + f.tag() + " twice");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byTag = Collections.unmodifiableMap(tags);
    }

    private static Field f(int tag, String name, Kind kind, boolean mandatory) {
        return new Field(tag, name, kind, mandatory);
    }

    /** The type's name in TS 32.298, e.g. MM7SRecord. */
    public String asn1Name() {
        return asn1Name;
    }

    /** The context tag of its MMSRecordType alternative, which is also its RecordType value. */
    public int tag() {
        return tag;
    }

    public Field field(String name) {
        Field f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException(asn1Name + " has no field " + name);
        }
        return f;
    }

    public Optional<Field> fieldWithTag(int tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    public java.util.Collection<Field> fields() {
        return byName.values();
    }

    public static Optional<MmsRecordType> ofTag(int tag) {
        return Arrays.stream(values()).filter(t -> t.tag == tag).findFirst();
    }

    public static Optional<MmsRecordType> ofName(String asn1Name) {
        return Arrays.stream(values()).filter(t -> t.asn1Name.equals(asn1Name)).findFirst();
    }
}
