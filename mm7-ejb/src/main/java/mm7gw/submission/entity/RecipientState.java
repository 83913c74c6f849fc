package mm7gw.submission.entity;

/** Where a message stands for one recipient. */
public enum RecipientState {
    /** accepted, not yet in the recipient's mailbox (waiting for fan-out or for its EarliestDeliveryTime) */
    PENDING,
    /** in the recipient's mailbox, not retrieved yet */
    DELIVERED,
    /** the recipient fetched it */
    RETRIEVED,
    /** the recipient read it */
    READ,
    /** the recipient refused it without retrieving it */
    REJECTED,
    /** its ExpiryDate passed before the recipient retrieved it */
    EXPIRED,
    /** the VASP cancelled it before the recipient retrieved it */
    CANCELLED,
    /** not delivered: the recipient's terminal does not meet the submit's DeliveryCondition */
    CONDITION_UNMET;

    /** whether the VASP can still cancel it for this recipient or replace its content */
    public boolean isWithdrawable() {
        return this == PENDING || this == DELIVERED;
    }

    /** whether it sits in the recipient's mailbox */
    public boolean isInMailbox() {
        return this == DELIVERED || this == RETRIEVED || this == READ;
    }
}
