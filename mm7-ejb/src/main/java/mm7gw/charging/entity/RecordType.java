package mm7gw.charging.entity;

/**
 * What a charging event records: one constant per operation a VASP invokes, directly or indirectly. The CDR
 * names follow the MM7 records of 3GPP TS 32.270 (originator "O7..." records for what the VASP asks of the
 * Relay/Server, recipient "R7..." records for what the Relay/Server does towards the VASP) where one fits.
 */
public enum RecordType {
    /** a VASP's MM7_submit that was accepted (1000 or 1100); one per message */
    MM7_SUBMIT("O7S-CDR"),
    /** a VASP's MM7_submit that was refused with an MM7 status; the message was not stored */
    MM7_SUBMIT_REJECTED("O7S-CDR"),
    /** one recipient's delivery outcome of a submitted message */
    RECIPIENT_DELIVERY("O7D-CDR"),
    /** a VASP's MM7_cancel, accepted or refused */
    MM7_CANCEL("O7C-CDR"),
    /** a VASP's MM7_replace, accepted or refused */
    MM7_REPLACE("O7R-CDR"),
    /** an MO message handed to a VASP (MM7_deliver) and the VASP's answer */
    MM7_DELIVER("R7D-CDR"),
    /** a delivery report sent to a VASP (MM7_delivery_report) for one recipient */
    MM7_DELIVERY_REPORT("O7DR-CDR"),
    /** a read reply sent to a VASP (MM7_read_reply) for one recipient */
    MM7_READ_REPLY("O7RR-CDR"),
    /** a VASP's submit that replies to an MO message it received (LinkedID set) */
    MM7_REPLY_SUBMIT("O7S-CDR");

    private final String cdrName;

    RecordType(String cdrName) {
        this.cdrName = cdrName;
    }

    public String cdrName() {
        return cdrName;
    }
}
