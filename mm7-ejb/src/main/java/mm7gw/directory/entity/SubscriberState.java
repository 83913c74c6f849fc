package mm7gw.directory.entity;

/** Whether a subscriber can be sent multimedia messages. */
public enum SubscriberState {
    /** receives messages */
    ACTIVE,
    /** barred from receiving messages (e.g. by the operator or at the subscriber's request) */
    BARRED,
    /** the subscriber's handset or subscription cannot receive MMS */
    NOT_MMS_CAPABLE
}
