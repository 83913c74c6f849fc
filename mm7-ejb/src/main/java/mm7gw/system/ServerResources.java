package mm7gw.system;

import jakarta.annotation.Resource;
import jakarta.annotation.Resources;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * The server resources the gateway uses, under application-scoped names that are the same on every server.
 * The code looks up only these names (and the platform's default data source and JMS connection factory); which
 * server resource each one means is said by the server's deployment descriptor: {@code META-INF/jboss-ejb3.xml}
 * on WildFly, {@code META-INF/glassfish-ejb-jar.xml} on Payara. The bean itself does nothing; it only carries the
 * declarations.
 */
@Singleton
@PermitAll
@Resources({
    @Resource(name = ServerResources.SUBMISSIONS, type = Queue.class),
    @Resource(name = ServerResources.FANOUT, type = Queue.class),
    @Resource(name = ServerResources.OUTBOUND, type = Queue.class),
    @Resource(name = ServerResources.DEAD_LETTERS, type = Queue.class),
    @Resource(name = ServerResources.CHARGING, type = Topic.class)
})
public class ServerResources {
    /** Accepted submissions waiting for distribution. */
    public static final String SUBMISSIONS = "java:app/env/jms/mm7/submissions";
    /** Chunks of recipients to create and deliver. */
    public static final String FANOUT = "java:app/env/jms/mm7/fanout";
    /** Calls to VASPs. */
    public static final String OUTBOUND = "java:app/env/jms/mm7/outbound";
    /** Messages that failed too often. */
    public static final String DEAD_LETTERS = "java:app/env/jms/mm7/dlq";
    /** Charging events for billing. */
    public static final String CHARGING = "java:app/env/jms/mm7/charging";
    /** The platform's default data source: the gateway's database on every server. */
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";
}
