package mm7gw.vasp.control;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mm7gw.kernel.VaspId;
import mm7gw.vasp.entity.Vasp;

/**
 * CDI event fired in the transaction that deletes a VASP, before it is deleted. Each feature that keeps data about
 * VASPs observes it: it reports the VASP's traffic it holds (any traffic forbids the deletion, and the transaction
 * rolls back) and removes its own settings for the VASP (which the deletion would otherwise leave behind).
 */
public final class VaspRemoval {
    private final Vasp vasp;
    /** by name, so the description does not depend on the order in which the observers ran */
    private final Map<String, Long> traffic = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public VaspRemoval(Vasp vasp) {
        this.vasp = vasp;
    }

    public Vasp vasp() {
        return vasp;
    }

    public VaspId vaspId() {
        return vasp.vaspId();
    }

    /** Records traffic the VASP has, e.g. {@code traffic("messages", 12)}; a count of 0 records nothing. */
    public void traffic(String what, long count) {
        if (count > 0) {
            traffic.merge(what, count, Long::sum);
        }
    }

    /**
     * Counts and records the VASP's traffic with a JPQL count query whose only parameter is {@code :vaspId}, e.g.
     * {@code count(em, "calls", "select count(c) from OutboundCall c where c.vaspId = :vaspId")}.
     */
    public void count(EntityManager em, String what, String countQuery) {
        traffic(what, em.createQuery(countQuery, Long.class).setParameter("vaspId", vaspId().value()).getSingleResult());
    }

    public boolean hasTraffic() {
        return !traffic.isEmpty();
    }

    /** e.g. "charging events: 7, messages: 3" (in the order of the names) */
    public String describeTraffic() {
        return traffic.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
