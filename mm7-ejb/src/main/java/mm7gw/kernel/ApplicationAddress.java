package mm7gw.kernel;

/**
 * Application addressing (TS 23.140 Release 6): the application on the recipient's terminal the message is for
 * (ApplicID), the one that should get replies (ReplyApplicID), and information for it the Relay/Server passes on
 * untouched (AuxApplicInfo). Each is null when the VASP left it out.
 */
public record ApplicationAddress(String applicId, String replyApplicId, String auxApplicInfo) {
    /** the longest ApplicID and ReplyApplicID the gateway keeps */
    public static final int ID_LENGTH = 256;
    /** the longest AuxApplicInfo the gateway keeps */
    public static final int INFO_LENGTH = 1024;
    public static final ApplicationAddress NONE = new ApplicationAddress(null, null, null);

    public boolean isEmpty() {
        return applicId == null && replyApplicId == null && auxApplicInfo == null;
    }

    /** These values where given, the earlier ones where not (a ReplaceReq or CancelReq over the submit's). */
    public ApplicationAddress over(ApplicationAddress earlier) {
        if (earlier == null) {
            return this;
        }
        return new ApplicationAddress(applicId != null ? applicId : earlier.applicId,
                replyApplicId != null ? replyApplicId : earlier.replyApplicId,
                auxApplicInfo != null ? auxApplicInfo : earlier.auxApplicInfo);
    }
}
