package mm7gw.relay.entity;

/** Where an outbound call to a VASP stands. */
public enum OutboundState {
    /** waiting on mm7.outbound for its (next) attempt; a failed attempt is retried with back-off */
    QUEUED,
    /** the VASP acknowledged it (status 1000, or an empty HTTP 200 where allowed) */
    SENT,
    /** the VASP answered with an MM7 error status or a VASPErrorRsp fault: recorded, not retried */
    VASP_ERROR,
    /** the VASP's HTTP answer makes a retry pointless (4xx, e.g. 401 for wrong credentials, or not MM7): not retried */
    REFUSED
}
