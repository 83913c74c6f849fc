package mm7gw.submission.entity;

public enum MessageState {
    /** stored and enqueued; fan-out to recipients not yet done */
    ACCEPTED,
    /** every recipient has been handled */
    DISTRIBUTED,
    /** the VASP cancelled it (recipients that had retrieved it keep it) */
    CANCELLED
}
