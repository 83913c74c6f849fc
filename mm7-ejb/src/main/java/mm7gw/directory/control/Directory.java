package mm7gw.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mm7gw.directory.entity.MailDomain;
import mm7gw.directory.entity.NumberRange;
import mm7gw.directory.entity.Subscriber;
import mm7gw.directory.entity.SubscriberState;
import mm7gw.elytron.KeptReads;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.DeliveryConditions;

/**
 * The subscriber directory: which addresses this MMSC serves and whether a message can be delivered to them.
 * Resolves many addresses with one query per thousand (ranges and domains are few: they are read once and kept for
 * a moment, see {@link KeptReads}). What a resolution of a few addresses (a submit's usual recipients) found
 * about each subscriber, or that there is none, is kept for that moment too, for a bounded number of addresses; a
 * longer list (a mass submit) is read in batches and keeps nothing, so it neither fills the cache nor pays for it.
 */
@ApplicationScoped
public class Directory {
    private static final int LOOKUP_BATCH = 1000;
    /** EclipseLink's query hint for objects only read (not copied into the transaction to watch for changes) */
    static final String READ_ONLY = "eclipselink.read-only";
    /** the served areas as resolution reads them (cleared by {@link DirectoryChanges}) */
    private static final KeptReads<Boolean, Areas> AREAS = new KeptReads<>();
    /** the most addresses a resolution looks up in {@link #SUBSCRIBERS} */
    public static final int KEPT_LOOKUPS = 20;
    /** the subscriber's state, or empty for no such subscriber, by address (cleared by {@link DirectoryChanges}) */
    private static final KeptReads<Address, Optional<SubscriberState>> SUBSCRIBERS = new KeptReads<>(10_000);

    private record Areas(List<NumberRange> ranges, List<MailDomain> domains) {
    }

    static void forgetKept() {
        AREAS.forgetAll();
        SUBSCRIBERS.forgetAll();
    }

    @Inject
    EntityManager em;

    /** @param addresses normalised addresses; the answer has an entry for each */
    public Map<Address, Resolution> resolve(Collection<Address> addresses) {
        Areas areas = AREAS.get(Boolean.TRUE, k -> new Areas(
                em.createNamedQuery(NumberRange.ALL, NumberRange.class).setHint(READ_ONLY, "true").getResultList(),
                em.createNamedQuery(MailDomain.ALL, MailDomain.class).setHint(READ_ONLY, "true").getResultList()));
        List<NumberRange> ranges = areas.ranges();
        List<MailDomain> domains = areas.domains();
        Map<Address, Resolution> result = new HashMap<>();
        Map<String, Address> toLookUp = new HashMap<>();
        Map<Address, Boolean> openArea = new HashMap<>();
        for (Address a : addresses) {
            Optional<Boolean> served = servedBy(a, ranges, domains);
            if (served.isEmpty()) {
                result.put(a, Resolution.NOT_SERVED);
            } else {
                openArea.put(a, served.get());
                toLookUp.put(a.value(), a);
            }
        }
        Map<Address, SubscriberState> listed = lookUp(toLookUp);
        openArea.forEach((a, open) -> result.put(a, resolution(listed.get(a), open)));
        return result;
    }

    private static Resolution resolution(SubscriberState listed, boolean open) {
        if (listed == null) {
            return open ? Resolution.DELIVERABLE : Resolution.UNKNOWN_SUBSCRIBER;
        }
        return switch (listed) {
            case ACTIVE -> Resolution.DELIVERABLE;
            case BARRED -> Resolution.BARRED;
            case NOT_MMS_CAPABLE -> Resolution.NOT_MMS_CAPABLE;
        };
    }

    /** empty if not served, else whether the serving range or domain is open (the longest prefix decides) */
    private static Optional<Boolean> servedBy(Address a, List<NumberRange> ranges, List<MailDomain> domains) {
        if (a.type() == AddressType.NUMBER) {
            return ranges.stream().filter(r -> r.covers(a.value()))
                    .max((x, y) -> Integer.compare(x.prefix().length(), y.prefix().length()))
                    .map(NumberRange::isOpen);
        }
        if (a.type() == AddressType.EMAIL) {
            return domains.stream().filter(d -> d.covers(a.value())).findFirst().map(MailDomain::isOpen);
        }
        return Optional.empty();
    }

    private Map<Address, SubscriberState> lookUp(Map<String, Address> byValue) {
        if (byValue.size() > KEPT_LOOKUPS) {
            return read(byValue);
        }
        Map<Address, SubscriberState> found = new HashMap<>();
        Map<String, Address> unknown = new HashMap<>();
        byValue.forEach((value, a) -> {
            Optional<SubscriberState> kept = SUBSCRIBERS.kept(a);
            if (kept == null) {
                unknown.put(value, a);
            } else {
                kept.ifPresent(state -> found.put(a, state));
            }
        });
        if (!unknown.isEmpty()) {
            found.putAll(readAndKeep(unknown));
        }
        return found;
    }

    /**
     * Reads what the directory holds about these addresses into what resolutions keep, in one query: the recipients
     * of a batch of submits, each of which then finds its few recipients kept when it is resolved, instead of one
     * query per submit. Addresses already kept are not read again; more than a thousand are not read at all.
     */
    public void prefetch(Collection<Address> addresses) {
        Map<String, Address> unknown = new HashMap<>();
        for (Address a : addresses) {
            if (SUBSCRIBERS.kept(a) == null) {
                unknown.put(a.value(), a);
            }
        }
        if (!unknown.isEmpty() && unknown.size() <= LOOKUP_BATCH) {
            readAndKeep(unknown);
        }
    }

    private Map<Address, SubscriberState> readAndKeep(Map<String, Address> byValue) {
        long stamp = SUBSCRIBERS.stamp();
        Map<Address, SubscriberState> read = read(byValue);
        byValue.values().forEach(a -> SUBSCRIBERS.keep(a, Optional.ofNullable(read.get(a)), stamp));
        return read;
    }

    private Map<Address, SubscriberState> read(Map<String, Address> byValue) {
        Map<Address, SubscriberState> found = new HashMap<>();
        List<String> values = new ArrayList<>(byValue.keySet());
        for (int from = 0; from < values.size(); from += LOOKUP_BATCH) {
            List<String> batch = values.subList(from, Math.min(values.size(), from + LOOKUP_BATCH));
            em.createQuery("select s from Subscriber s where s.address.value in :values", Subscriber.class)
                    .setParameter("values", batch).setHint(READ_ONLY, "true").getResultStream()
                    .filter(s -> s.address().equals(byValue.get(s.address().value())))
                    .forEach(s -> found.put(s.address(), s.state()));
        }
        return found;
    }

    public List<NumberRange> ranges() {
        return em.createNamedQuery(NumberRange.ALL, NumberRange.class).getResultList();
    }

    public List<MailDomain> domains() {
        return em.createNamedQuery(MailDomain.ALL, MailDomain.class).getResultList();
    }

    /**
     * What the terminals of those subscribers meet of the delivery conditions, for the addresses whose subscriber
     * the directory knows to be limited (the others meet every condition).
     */
    public Map<Address, DeliveryConditions> terminals(Collection<Address> addresses) {
        Map<String, Address> byValue = new HashMap<>();
        addresses.forEach(a -> byValue.put(a.value(), a));
        Map<Address, DeliveryConditions> limited = new HashMap<>();
        List<String> values = new ArrayList<>(byValue.keySet());
        for (int from = 0; from < values.size(); from += LOOKUP_BATCH) {
            em.createQuery("select s from Subscriber s where s.address.value in :values", Subscriber.class)
                    .setParameter("values", values.subList(from, Math.min(values.size(), from + LOOKUP_BATCH)))
                    .setHint(READ_ONLY, "true").getResultStream()
                    .filter(s -> s.address().equals(byValue.get(s.address().value())) && s.conditionsMet() != null)
                    .forEach(s -> limited.put(s.address(), s.conditionsMet()));
        }
        return limited;
    }

    public Optional<Subscriber> subscriber(Address address) {
        return em.createQuery("select s from Subscriber s where s.address.type = :type and s.address.value = :value",
                        Subscriber.class)
                .setParameter("type", address.type()).setParameter("value", address.value())
                .getResultStream().findFirst();
    }
}
