package mm7gw.delivery.entity;

public enum DeliveryOutcome {
    /** put into the recipient's mailbox */
    DELIVERED
}
