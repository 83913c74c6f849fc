package mm7gw.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.directory.control.Directory;
import mm7gw.directory.control.Resolution;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.submission.control.RecipientHistory;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.RecipientState;

/**
 * The subscribers' mailboxes, a simulation of the MM1 side: list, retrieve (content byte for byte and its
 * parts), read, reject. Each change of a recipient's state is recorded in its history and announced with a
 * {@link mm7gw.submission.control.RecipientStateChanged} event (what delivery reports and read replies need).
 * A recipient that retrieved a message keeps the content it got even if the VASP later replaces it.
 */
@Stateless
@RolesAllowed("admin")
public class Mailboxes {
    @Inject
    EntityManager em;

    @Inject
    RecipientHistory history;

    @Inject
    Directory directory;

    public List<MailboxViews.Entry> list(String mailbox) {
        Address a = address(mailbox);
        return em.createQuery("select r from Recipient r where r.address.type = :t and r.address.value = :v"
                        + " and r.state in :states order by r.id desc", Recipient.class)
                .setParameter("t", a.type()).setParameter("v", a.value())
                .setParameter("states", List.of(RecipientState.DELIVERED, RecipientState.RETRIEVED, RecipientState.READ))
                .setMaxResults(200).getResultStream()
                .map(r -> {
                    MultimediaMessage m = r.message();
                    MessageContent c = content(r);
                    return new MailboxViews.Entry(m.messageId(), m.sender() == null ? null : m.sender().value(),
                            m.subject(), m.priority().name(), m.messageClass().name(), r.state().name(),
                            r.stateChangedAt(), c == null ? null : c.size(), m.attributes(),
                            application(m));
                }).toList();
    }

    /** The retrieval (a state change): the recipient's state becomes RETRIEVED and it keeps this content. */
    public MailboxViews.Retrieved retrieve(String mailbox, String messageId) {
        return view(retrieved(mailbox, messageId));
    }

    /** The message as it stands, without retrieving it (no state change). */
    public MailboxViews.Retrieved show(String mailbox, String messageId) {
        return view(inMailbox(mailbox, messageId));
    }

    private MailboxViews.Retrieved view(Recipient r) {
        MultimediaMessage m = r.message();
        MessageContent c = content(r);
        return new MailboxViews.Retrieved(m.messageId(), m.sender() == null ? null : m.sender().value(), m.subject(),
                m.priority().name(), m.messageClass().name(), r.state().name(), c == null ? null : c.contentType(),
                c == null ? null : c.size(), c == null ? null : c.sha256(), m.attributes(), application(m),
                c == null ? List.of() : ContentParts.parse(c).stream().map(ContentParts.Parsed::view).toList());
    }

    public MailboxViews.Raw content(String mailbox, String messageId) {
        MessageContent c = requireContent(inMailbox(mailbox, messageId));
        return new MailboxViews.Raw(c.contentType(), c.body());
    }

    public MailboxViews.Raw part(String mailbox, String messageId, int index) {
        List<ContentParts.Parsed> parts = ContentParts.parse(requireContent(inMailbox(mailbox, messageId)));
        if (index < 0 || index >= parts.size()) {
            throw RequestRefused.notFound("part " + index + " (the content has " + parts.size() + ")");
        }
        return new MailboxViews.Raw(parts.get(index).contentType(), parts.get(index).body());
    }

    public MailboxViews.Entry read(String mailbox, String messageId) {
        Recipient r = inMailbox(mailbox, messageId);
        if (r.state() != RecipientState.READ) {
            if (r.state() != RecipientState.RETRIEVED) {
                throw conflict("the message must be retrieved before it is read (it is " + r.state() + ")");
            }
            r.read(Instant.now());
            history.record(r, DeliveryOutcome.READ, "read by the recipient");
        }
        return entry(r);
    }

    /**
     * The subscriber forwards a message in its mailbox to other subscribers of this MMSC (simulated MM1 forward). A
     * message the VASP marked not for redistribution (DistributionIndicator false) cannot be forwarded: 409, and
     * nothing is recorded. Otherwise the forward is recorded in the recipient's history (FORWARDED, naming the
     * addresses); one done before the recipient retrieved the message is reported to the VASP as Forwarded. Each
     * address must be one this MMSC can deliver to (400 otherwise). The forwarded copies are the subscriber's own
     * messages, outside MM7: the gateway does not deliver them.
     */
    public MailboxViews.Forwarded forward(String mailbox, String messageId, MailboxViews.ForwardRequest request) {
        Recipient r = inMailbox(mailbox, messageId);
        if (Boolean.FALSE.equals(r.message().attributes().distributionIndicator())) {
            throw conflict("message " + messageId + " is not for redistribution: its VASP set DistributionIndicator"
                    + " false, so it cannot be forwarded");
        }
        if (request == null || request.to() == null || request.to().isEmpty()) {
            throw RequestRefused.invalid("'to' lists no address to forward to");
        }
        List<Address> targets = new java.util.ArrayList<>();
        for (String to : request.to()) {
            targets.add(address(to));
        }
        Map<Address, Resolution> resolved = directory.resolve(targets);
        for (Address a : targets) {
            if (resolved.get(a) != Resolution.DELIVERABLE) {
                throw RequestRefused.invalid(a.value() + " cannot receive it: " + resolved.get(a).reason());
            }
        }
        List<String> to = targets.stream().map(Address::value).distinct().toList();
        history.record(r, DeliveryOutcome.FORWARDED, "forwarded by the recipient to " + String.join(", ", to));
        return new MailboxViews.Forwarded(messageId, r.address().value(), to, Instant.now());
    }

    public MailboxViews.Entry reject(String mailbox, String messageId) {
        Recipient r = inMailbox(mailbox, messageId);
        if (r.state() != RecipientState.DELIVERED) {
            throw conflict("only a message not yet retrieved can be rejected (it is " + r.state() + ")");
        }
        r.rejected(Instant.now());
        history.record(r, DeliveryOutcome.REJECTED, "rejected by the recipient");
        return entry(r);
    }

    private Recipient retrieved(String mailbox, String messageId) {
        Recipient r = inMailbox(mailbox, messageId);
        MessageContent c = r.message().content();
        if (r.retrieved(c == null ? null : c.id(), Instant.now())) {
            history.record(r, DeliveryOutcome.RETRIEVED, "retrieved by the recipient");
        }
        return r;
    }

    private Recipient inMailbox(String mailbox, String messageId) {
        Address a = address(mailbox);
        return em.createQuery("select r from Recipient r where r.address.type = :t and r.address.value = :v"
                        + " and r.message.messageId = :id", Recipient.class)
                .setParameter("t", a.type()).setParameter("v", a.value()).setParameter("id", messageId)
                .getResultStream().filter(r -> r.state().isInMailbox()).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("message " + messageId + " in mailbox " + a.value()));
    }

    private MessageContent content(Recipient r) {
        if (r.retrievedContentId() != null) {
            return em.find(MessageContent.class, r.retrievedContentId());
        }
        return r.message().content();
    }

    private MessageContent requireContent(Recipient r) {
        MessageContent c = content(r);
        if (c == null) {
            throw RequestRefused.notFound("content (the message was submitted without any)");
        }
        return c;
    }

    private static MailboxViews.Entry entry(Recipient r) {
        MultimediaMessage m = r.message();
        return new MailboxViews.Entry(m.messageId(), m.sender() == null ? null : m.sender().value(), m.subject(),
                m.priority().name(), m.messageClass().name(), r.state().name(), r.stateChangedAt(), null,
                m.attributes(), application(m));
    }

    /** The application the message is addressed to on the terminal (and its reply application), if any. */
    private static ApplicationAddress application(MultimediaMessage m) {
        return m.application().isEmpty() ? null : m.application();
    }

    private static RequestRefused conflict(String message) {
        return new RequestRefused(RequestRefused.Reason.CONFLICT, message);
    }

    /** A mailbox is named by its subscriber's address: an e-mail address if it has an '@', else a number. */
    private static Address address(String text) {
        try {
            return Address.parse(text != null && text.contains("@") ? AddressType.EMAIL : AddressType.NUMBER, text);
        } catch (Address.InvalidAddress e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }
}
