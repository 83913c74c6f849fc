package mm7gw.relay.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mm7gw.kernel.VaspId;

/**
 * A message a subscriber sent to a VASP's short code (MO), handed to the VASP with MM7_deliver under its
 * LinkedID. A VASP's MM7_submit carrying that LinkedID is a reply to it.
 */
@Entity
@Table(name = "mm7_mo_message")
@NamedQuery(name = MoMessage.BY_LINKED_ID, query = "select m from MoMessage m where m.linkedId = :linkedId")
public class MoMessage {
    public static final String BY_LINKED_ID = "MoMessage.byLinkedId";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_mo_message_seq")
    @SequenceGenerator(name = "mm7_mo_message_seq", sequenceName = "mm7_mo_message_seq", allocationSize = 10)
    private Long id;

    @Column(name = "linked_id", length = 64, nullable = false, unique = true)
    private String linkedId;

    @Column(name = "vasp_id", length = 64, nullable = false)
    private String vaspId;

    /** the subscriber's number */
    @Column(length = 256, nullable = false)
    private String sender;

    @Column(name = "short_code", length = 32, nullable = false)
    private String shortCode;

    @Column(length = 1000)
    private String subject;

    @Column(length = 4000)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** the MessageID of the VASP's message this is a reply to, when the VASP pays for the reply (reply charging) */
    @Column(name = "reply_charging_id", length = 64)
    private String replyChargingId;

    protected MoMessage() {
    }

    public MoMessage(String linkedId, VaspId vaspId, String sender, String shortCode, String subject, String text) {
        this.linkedId = linkedId;
        this.vaspId = vaspId.value();
        this.sender = sender;
        this.shortCode = shortCode;
        this.subject = subject;
        this.text = text;
        this.receivedAt = Instant.now();
    }

    /** A reply the VASP pays for: the ReplyChargingID is the MessageID of its message replied to. */
    public void replyCharged(String messageId) {
        this.replyChargingId = messageId;
    }

    /** null unless this is a reply-charged reply */
    public String replyChargingId() {
        return replyChargingId;
    }

    public long size() {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    public String linkedId() { return linkedId; }
    public VaspId vaspId() { return new VaspId(vaspId); }
    public String sender() { return sender; }
    public String shortCode() { return shortCode; }
    public String subject() { return subject; }
    public String text() { return text; }
    public Instant receivedAt() { return receivedAt; }
}
