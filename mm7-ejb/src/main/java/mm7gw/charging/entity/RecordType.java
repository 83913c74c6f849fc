package mm7gw.charging.entity;

/** What a charging event records; named after the MM7 records of 3GPP TS 32.270 where one fits. */
public enum RecordType {
    /** a VASP's MM7_submit (MM7S-RS-CDR) */
    MM7_SUBMIT("MM7S-RS-CDR"),
    /** one recipient's delivery outcome of a submitted message */
    RECIPIENT_DELIVERY("MM7D-R-CDR"),
    /** a VASP's MM7_cancel (MM7C-RS-CDR) */
    MM7_CANCEL("MM7C-RS-CDR"),
    /** a VASP's MM7_replace (MM7R-RS-CDR) */
    MM7_REPLACE("MM7R-RS-CDR");

    private final String cdrName;

    RecordType(String cdrName) {
        this.cdrName = cdrName;
    }

    public String cdrName() {
        return cdrName;
    }
}
