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

    public boolean silentFor(Duration time, Instant now) {
        return seenAt.plus(time).isBefore(now);
    }
}
