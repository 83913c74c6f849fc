package mm7gw.submission.entity;

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
    /** not delivered: the recipient's terminal does not meet the submit's DeliveryCondition */
    CONDITION_NOT_MET,
    /** content or attributes replaced by the VASP (MM7_replace) */
    REPLACED,
    /** forwarded by the recipient to other subscribers (allowed unless the VASP set DistributionIndicator false) */
    FORWARDED;

    /**
     * The MMStatus this outcome is reported with (TS 23.140 §8.7.4: Retrieved, Rejected, Expired; §8.7.5: Read), or
     * null for an outcome that is not reported to the VASP.
     */
    public String mmStatus() {
        return switch (this) {
            case RETRIEVED -> "Retrieved";
            case REJECTED -> "Rejected";
            case EXPIRED -> "Expired";
            case READ -> "Read";
            case CONDITION_NOT_MET -> "DeliveryConditionNotMet";
            case FORWARDED -> "Forwarded";
            default -> null;
        };
    }
}
