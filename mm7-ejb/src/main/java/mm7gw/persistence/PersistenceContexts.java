package mm7gw.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceProperty;

/**
 * The gateway's persistence context, declared once: every bean takes it with {@code @Inject EntityManager}. It is the
 * container's transaction-scoped, synchronized context of the unit {@code mm7}.
 *
 * <p>Declared here for the two WildFly properties it carries. On each entity manager call after the first in a
 * transaction, WildFly checks that no unsynchronized context of the unit has joined the transaction. Unless the
 * injection point's own properties settle the two questions of that check, it asks the factory's properties, which
 * EclipseLink builds anew on each call by merging its property maps: 1.2 % of the server's CPU in the submit
 * benchmark. No context of the gateway is unsynchronized, so the check can never fail and skipping it changes
 * nothing else. Other servers ignore the two properties.
 */
@ApplicationScoped
public class PersistenceContexts {
    @Produces
    @PersistenceContext(unitName = "mm7", properties = {
            @PersistenceProperty(name = "wildfly.jpa.skipmixedsynctypechecking", value = "true"),
            @PersistenceProperty(name = "wildfly.jpa.allowjoinedunsync", value = "false")})
    EntityManager em;
}
