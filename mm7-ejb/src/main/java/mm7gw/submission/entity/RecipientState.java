package mm7gw.submission.entity;

public enum RecipientState {
    /** accepted, not yet handed to the recipient's mailbox */
    PENDING,
    /** in the recipient's mailbox */
    DELIVERED
}
