package mm7gw.cdr;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway's own fields, written into a record's recordExtensions (ManagementExtensions) where TS 32.298
 * has no field for them. Their object identifiers lie under {@link #ARC}, an arc of the UUID-based branch 2.25
 * (ITU-T X.667), which needs no registration: 2.25 followed by a UUID as one decimal number.
 */
public enum GatewayExtension {
    /** the server node that wrote the event (UTF8String) */
    NODE(1, "node"),
    /** the writer whose sequence the localSequenceNumber belongs to (UTF8String) */
    WRITER(2, "writer"),
    /** the charging event's id in the gateway's database, for reconciliation with the JSON and CSV exports (INTEGER) */
    EVENT_ID(3, "eventId"),
    /** the gateway's own record type, e.g. MM7_SUBMIT_REJECTED (UTF8String) */
    GATEWAY_RECORD_TYPE(4, "recordType"),
    /** the MM7 status code (TS 23.140 §8.7) exactly, e.g. 2002 (INTEGER) */
    MM7_STATUS_CODE(5, "mm7StatusCode"),
    /** what became of the operation: ACCEPTED, REJECTED, DELIVERED, SENT, ... (UTF8String) */
    RESULT(6, "result"),
    /** the number of recipients the operation concerns (INTEGER) */
    RECIPIENT_COUNT(7, "recipientCount"),
    /** the recipient of a record whose type has no recipient field, e.g. MMRMDRecord (UTF8String) */
    RECIPIENT(8, "recipient"),
    /** the charged party as the VASP named it, when TS 32.298's ChargedParty has no value for it (THIRD_PARTY) */
    CHARGED_PARTY(9, "chargedParty"),
    /** the third party charged (ChargedPartyID, MM7 Release 6), when the gateway has one (UTF8String) */
    CHARGED_PARTY_ID(10, "chargedPartyID"),
    /** application addressing (MM7 Release 6): the ApplicID of the message (UTF8String) */
    APPLIC_ID(11, "applicID"),
    /** the ReplyApplicID of the message (UTF8String) */
    REPLY_APPLIC_ID(12, "replyApplicID"),
    /** the AuxApplicInfo of the message (UTF8String) */
    AUX_APPLIC_INFO(13, "auxApplicInfo");

    /** 2.25 and the decimal form of the UUID 1565bb47-7859-4a19-a4f8-be3d47e28d5f */
    public static final String ARC = "2.25.28442008367236817801281680499609341279";

    private static final Map<String, GatewayExtension> BY_OID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(GatewayExtension::oid, Function.identity()));

    private final String oid;
    private final String label;
    /** the OBJECT IDENTIFIER's TLV, encoded once: it is in every record */
    private final byte[] identifier;

    GatewayExtension(int number, String label) {
        this.oid = ARC + "." + number;
        this.label = label;
        this.identifier = Ber.universal(Ber.OBJECT_IDENTIFIER, Ber.objectIdentifier(oid));
    }

    public String oid() {
        return oid;
    }

    public String label() {
        return label;
    }

    public static Optional<GatewayExtension> ofOid(String oid) {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /**
     * The identifier of an extension as its OBJECT IDENTIFIER TLV: the gateway's own as encoded once, any other
     * encoded now. Not to be changed by the caller.
     */
    static byte[] identifier(String oid) {
        GatewayExtension known = BY_OID.get(oid);
        return known != null ? known.identifier : Ber.universal(Ber.OBJECT_IDENTIFIER, Ber.objectIdentifier(oid));
    }
}
