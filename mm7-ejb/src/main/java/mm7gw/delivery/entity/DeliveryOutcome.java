package mm7gw.delivery.entity;

/** A per-recipient event in a message's life, recorded with its time (the recipient's history). */
public enum DeliveryOutcome {
    /** put into the recipient's mailbox */
    DELIVERED,
    /** fetched by the recipient */
    RETRIEVED,
    /** read by the recipient */
    READ,
    /** refused by the recipient without retrieval */
    REJECTED,
    /** its ExpiryDate passed before retrieval */
    EXPIRED,
    /** cancelled by the VASP (MM7_cancel) */
    CANCELLED,
    /** content or attributes replaced by the VASP (MM7_replace) */
    REPLACED
}
