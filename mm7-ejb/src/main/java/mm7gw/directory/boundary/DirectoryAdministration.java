package mm7gw.directory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.directory.control.Directory;
import mm7gw.directory.entity.MailDomain;
import mm7gw.directory.entity.NumberRange;
import mm7gw.directory.entity.Subscriber;
import mm7gw.directory.entity.SubscriberState;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.DeliveryConditions;

/** Administration of the subscriber directory: served number ranges, served e-mail domains, subscribers. */
@Stateless
@RolesAllowed("admin")
public class DirectoryAdministration {
    @Inject
    Directory directory;

    @jakarta.inject.Inject
    mm7gw.admin.control.AdminAudit audit;

    @Inject
    EntityManager em;

    public record RangeView(String prefix, boolean open) {
    }

    public record DomainView(String domain, boolean open) {
    }

    /** @param deliveryConditionsMet the DC values the terminal meets; null: the directory knows no limit */
    public record SubscriberView(String address, String type, String state, Instant stateChangedAt,
            List<Integer> deliveryConditionsMet) {
    }

    public List<RangeView> ranges() {
        return directory.ranges().stream().map(r -> new RangeView(r.prefix(), r.isOpen())).toList();
    }

    public RangeView addRange(String prefix, Boolean open) {
        NumberRange range;
        try {
            range = new NumberRange(prefix == null ? null : prefix.trim(), Boolean.TRUE.equals(open));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
        if (directory.ranges().stream().anyMatch(r -> r.prefix().equals(range.prefix()))) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "number range " + range.prefix() + " exists");
        }
        em.persist(range);
        audit.record("NUMBER_RANGE_ADDED", range.prefix(), range.isOpen() ? "open" : "closed");
        return new RangeView(range.prefix(), range.isOpen());
    }

    public void removeRange(String prefix) {
        em.remove(directory.ranges().stream().filter(r -> r.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("number range " + prefix)));
        audit.record("NUMBER_RANGE_REMOVED", prefix, null);
    }

    public List<DomainView> domains() {
        return directory.domains().stream().map(d -> new DomainView(d.domain(), d.isOpen())).toList();
    }

    public DomainView addDomain(String name, Boolean open) {
        MailDomain domain;
        try {
            domain = new MailDomain(name, Boolean.TRUE.equals(open));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
        if (directory.domains().stream().anyMatch(d -> d.domain().equals(domain.domain()))) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "mail domain " + domain.domain() + " exists");
        }
        em.persist(domain);
        audit.record("MAIL_DOMAIN_ADDED", domain.domain(), domain.isOpen() ? "open" : "closed");
        return new DomainView(domain.domain(), domain.isOpen());
    }

    public void removeDomain(String name) {
        String d = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        em.remove(directory.domains().stream().filter(x -> x.domain().equals(d)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("mail domain " + name)));
        audit.record("MAIL_DOMAIN_REMOVED", d, null);
    }

    /** Subscribers in address order, at most {@code limit} from {@code offset}. */
    public List<SubscriberView> subscribers(int offset, int limit) {
        return em.createQuery("select s from Subscriber s order by s.address.value", Subscriber.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultStream().map(DirectoryAdministration::view).toList();
    }

    public SubscriberView subscriber(String address) {
        return view(directory.subscriber(address(address))
                .orElseThrow(() -> RequestRefused.notFound("subscriber " + address)));
    }

    /** Registers the subscriber, or changes its state if it exists; it must be in a served range or domain. */
    public SubscriberView setSubscriber(String address, String state) {
        return setSubscriber(address, state, null, false);
    }

    /**
     * Registers the subscriber, or changes it if it exists; it must be in a served range or domain.
     *
     * @param conditionsMet the TS 23.140 delivery conditions (DC values) the subscriber's terminal meets, e.g. [1] for
     *                      an MMS-capable terminal that is roaming (it does not meet 2); null for no known limit
     * @param setConditions whether to set them (false leaves an existing subscriber's as they are)
     */
    public SubscriberView setSubscriber(String address, String state, List<Integer> conditionsMet,
            boolean setConditions) {
        Address a = address(address);
        if (conditionsMet != null && conditionsMet.stream().anyMatch(c -> c == null || c < 1)) {
            throw RequestRefused.invalid("deliveryConditionsMet lists DC values, positive integers: " + conditionsMet);
        }
        DeliveryConditions met = conditionsMet == null ? null : new DeliveryConditions(conditionsMet);
        SubscriberState s = state(state);
        Subscriber existing = directory.subscriber(a).orElse(null);
        if (existing != null) {
            existing.changeState(s);
            if (setConditions) {
                existing.terminalMeets(met);
            }
            audit.record("SUBSCRIBER_STATE_SET", a.value(), s.name());
            return view(existing);
        }
        boolean served = a.type() == AddressType.NUMBER
                ? directory.ranges().stream().anyMatch(r -> r.covers(a.value()))
                : directory.domains().stream().anyMatch(d -> d.covers(a.value()));
        if (!served) {
            throw RequestRefused.invalid(a.value() + " is in no served number range or mail domain");
        }
        Subscriber created = new Subscriber(a, s);
        created.terminalMeets(met);
        em.persist(created);
        audit.record("SUBSCRIBER_ADDED", a.value(), s.name());
        return view(created);
    }

    public void removeSubscriber(String address) {
        em.remove(directory.subscriber(address(address))
                .orElseThrow(() -> RequestRefused.notFound("subscriber " + address)));
        audit.record("SUBSCRIBER_REMOVED", address, null);
    }

    /** A subscriber address as an admin writes it: an e-mail address if it has an '@', else a number. */
    static Address address(String text) {
        if (text == null || text.isBlank()) {
            throw RequestRefused.invalid("address is required");
        }
        try {
            return Address.parse(text.contains("@") ? AddressType.EMAIL : AddressType.NUMBER, text);
        } catch (Address.InvalidAddress e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    private static SubscriberState state(String text) {
        if (text == null) {
            return SubscriberState.ACTIVE;
        }
        try {
            return SubscriberState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("state must be one of ACTIVE, BARRED, NOT_MMS_CAPABLE, not '" + text + "'");
        }
    }

    private static SubscriberView view(Subscriber s) {
        return new SubscriberView(s.address().value(), s.address().type().name(), s.state().name(), s.stateChangedAt(),
                s.conditionsMet() == null ? null : s.conditionsMet().codes());
    }
}
