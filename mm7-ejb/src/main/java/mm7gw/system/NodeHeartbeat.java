package mm7gw.system;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * When a gateway node was last seen alive: each node writes its own row every few seconds, so that the others can
 * tell that it died and take over what it left in its memory (accepted messages it had not handed to distribution
 * yet).
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_node_heartbeat")
public class NodeHeartbeat {
    /** this node's name ({@code jboss.node.name}) */
    public static final String THIS_NODE = System.getProperty("jboss.node.name", "mm7-gateway");

    @Id
    @Column(length = 128)
    private String node;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected NodeHeartbeat() {
    }

    public NodeHeartbeat(String node, Instant seenAt) {
        this.node = node;
        this.seenAt = seenAt;
    }

    public void seen(Instant at) {
        seenAt = at;
    }

    public String node() {
        return node;
    }

    /**
     * Until when messages handed to distribution by any node may have been routed to this (dead) node's broker: the
     * cluster forwards a queue's messages to nodes with consumers, and what it forwarded to a node in the moments
     * before the others noticed its death waits in their store-and-forward queue for it to come back.
     */
    public Instant mayHaveReceivedUntil(Duration noticedWithin) {
        return seenAt.plus(noticedWithin);
    }

    public boolean silentFor(Duration time, Instant now) {
        return seenAt.plus(time).isBefore(now);
    }
}
