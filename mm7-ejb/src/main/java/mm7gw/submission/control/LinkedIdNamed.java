package mm7gw.submission.control;

import mm7gw.kernel.VaspId;

/**
 * CDI event fired, in the submit's transaction, when a submit names a LinkedID: the feature that hands MO messages
 * to VASPs confirms that the LinkedID names one it delivered to this VASP. A LinkedID nobody confirms is refused
 * (2006), so the submission does not depend on the feature that keeps the MO messages.
 */
public final class LinkedIdNamed {
    private final VaspId vaspId;
    private final String linkedId;
    private boolean confirmed;

    public LinkedIdNamed(VaspId vaspId, String linkedId) {
        this.vaspId = vaspId;
        this.linkedId = linkedId;
    }

    public VaspId vaspId() {
        return vaspId;
    }

    /** as the submit gave it, trimmed */
    public String linkedId() {
        return linkedId;
    }

    /** The LinkedID names a message delivered to the VASP. */
    public void confirm() {
        confirmed = true;
    }

    public boolean confirmed() {
        return confirmed;
    }
}
