package mm7gw.submission.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** The resolved recipient list of a message as accepted, stored once with it (see {@link RecipientList}). */
@Entity
@Cacheable(false) // written once per message, read once by its distribution and deleted: not worth merging into the shared cache
@Table(name = "mm7_planned_recipients")
@NamedQuery(name = PlannedRecipients.OF_MESSAGE,
        query = "select p from PlannedRecipients p where p.message = :message")
public class PlannedRecipients {
    public static final String OF_MESSAGE = "PlannedRecipients.ofMessage";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_planned_seq")
    @SequenceGenerator(name = "mm7_planned_seq", sequenceName = "mm7_planned_seq", allocationSize = 1000)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message", unique = true)
    private MultimediaMessage message;

    /**
     * Read with the row: the entity is only ever loaded to read its list (a lazy column cost the distribution a
     * second SELECT per message, a quarter of its CPU samples in a JFR recording of single-recipient submits)
     */
    @Lob
    @Column(nullable = false)
    private String entries;

    protected PlannedRecipients() {
    }

    public PlannedRecipients(MultimediaMessage message, RecipientList list) {
        this.message = message;
        this.entries = list.encode();
    }

    public MultimediaMessage message() {
        return message;
    }

    /** The recipients of one fan-out chunk. */
    public List<RecipientList.Entry> chunk(int chunk) {
        int from = chunk * message.chunkSize();
        return RecipientList.decode(entries, from, Math.min(message.recipientCount(), from + message.chunkSize()));
    }
}
