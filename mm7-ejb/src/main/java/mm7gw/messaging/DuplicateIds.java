package mm7gw.messaging;

/**
 * Artemis's duplicate detection: a message sent with the property {@code _AMQ_DUPL_ID} whose value the address
 * has already seen is dropped by the broker (and a transaction that sends it is rolled back). Every gateway send
 * builds its id from business keys, so that a genuine repeat (a retried transaction, a redelivered message sent
 * on again, a client that re-sends after a failover) is recognised, and two different sends never share one.
 */
public final class DuplicateIds {
    /** org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID */
    public static final String PROPERTY = "_AMQ_DUPL_ID";

    private DuplicateIds() {
    }

    public static String of(String kind, Object... keys) {
        StringBuilder id = new StringBuilder(kind);
        for (Object key : keys) {
            id.append('|').append(key);
        }
        return id.toString();
    }
}
