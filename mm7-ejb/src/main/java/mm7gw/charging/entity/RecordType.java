package mm7gw.charging.entity;

import mm7gw.cdr.MmsRecordType;

/**
 * What a charging event records: one constant per operation a VASP invokes, directly or indirectly, and per
 * step of the recipient's side. Each is written as the TS 32.298 MMS record {@link #mmsRecord()}; requests the
 * gateway makes of a VASP give two events, the request record and the response record. {@link #cdrName()} is
 * the name the gateway gave its records before it wrote TS 32.298 records, kept for existing consumers.
 */
public enum RecordType {
    /** a VASP's MM7_submit that was accepted (1000 or 1100); one per message */
    MM7_SUBMIT("O7S-CDR", MmsRecordType.MM7S),
    /** a VASP's MM7_submit that was refused with an MM7 status; the message was not stored */
    MM7_SUBMIT_REJECTED("O7S-CDR", MmsRecordType.MM7S),
    /** one recipient's delivery outcome of a submitted message: put into its mailbox, notified */
    RECIPIENT_DELIVERY("O7D-CDR", MmsRecordType.MMR1NRQ),
    /** a VASP's MM7_cancel, accepted or refused */
    MM7_CANCEL("O7C-CDR", MmsRecordType.MM7C),
    /** a VASP's MM7_replace, accepted or refused */
    MM7_REPLACE("O7R-CDR", MmsRecordType.MM7R),
    /** an MO message handed to a VASP (MM7_deliver): the request */
    MM7_DELIVER("R7D-CDR", MmsRecordType.MM7DRQ),
    /** a delivery report sent to a VASP (MM7_delivery_report) for one recipient: the request */
    MM7_DELIVERY_REPORT("O7DR-CDR", MmsRecordType.MM7DRRQ),
    /** a read reply sent to a VASP (MM7_read_reply) for one recipient: the request */
    MM7_READ_REPLY("O7RR-CDR", MmsRecordType.MM7RRQ),
    /** a VASP's submit that replies to an MO message it received (LinkedID set) */
    MM7_REPLY_SUBMIT("O7S-CDR", MmsRecordType.MM7S),
    /** the VASP's answer to an MM7_deliver */
    MM7_DELIVER_RESPONSE("R7DRs-CDR", MmsRecordType.MM7DRS),
    /** the VASP's answer to a delivery report */
    MM7_DELIVERY_REPORT_RESPONSE("O7DRRs-CDR", MmsRecordType.MM7DRRS),
    /** the VASP's answer to a read reply */
    MM7_READ_REPLY_RESPONSE("O7RRs-CDR", MmsRecordType.MM7RRS),
    /** the recipient fetched the message from its mailbox */
    RECIPIENT_RETRIEVAL("R1Rt-CDR", MmsRecordType.MMR1RT),
    /** the recipient refused the message without fetching it */
    RECIPIENT_REJECTION("R1NRs-CDR", MmsRecordType.MMR1NRS),
    /** the recipient read the message (its read report) */
    RECIPIENT_READ("R1RR-CDR", MmsRecordType.MMR1RR),
    /** the message expired for the recipient before it was fetched, and was deleted */
    RECIPIENT_EXPIRY("RMD-CDR", MmsRecordType.MMRMD);

    private final String cdrName;
    private final MmsRecordType mmsRecord;

    RecordType(String cdrName, MmsRecordType mmsRecord) {
        this.cdrName = cdrName;
        this.mmsRecord = mmsRecord;
    }

    public String cdrName() {
        return cdrName;
    }

    /** The TS 32.298 record this event is written as. */
    public MmsRecordType mmsRecord() {
        return mmsRecord;
    }

    /** The response event that goes with a request this gateway made of a VASP. */
    public RecordType response() {
        return switch (this) {
            case MM7_DELIVER -> MM7_DELIVER_RESPONSE;
            case MM7_DELIVERY_REPORT -> MM7_DELIVERY_REPORT_RESPONSE;
            case MM7_READ_REPLY -> MM7_READ_REPLY_RESPONSE;
            default -> throw new IllegalArgumentException(this + " is not a request to a VASP");
        };
    }
}
