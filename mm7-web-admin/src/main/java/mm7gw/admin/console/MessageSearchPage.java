package mm7gw.admin.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mm7gw.submission.boundary.MessageCriteria;
import mm7gw.submission.boundary.MessageSummary;
import mm7gw.submission.boundary.MessageTracking;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Message search by MessageID, VASP, recipient and submission time, paged by the database. */
@Named
@ViewScoped
public class MessageSearchPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    MessageTracking tracking;

    private String messageId;
    private String vaspId;
    private String recipient;
    private LocalDateTime from;
    private LocalDateTime to;
    private final LazyDataModel<MessageSummary> results = new Results();

    private MessageCriteria criteria() {
        return new MessageCriteria(messageId, vaspId, recipient,
                from == null ? null : from.toInstant(ZoneOffset.UTC), to == null ? null : to.toInstant(ZoneOffset.UTC));
    }

    private final class Results extends LazyDataModel<MessageSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, tracking.count(criteria()));
        }

        @Override
        public List<MessageSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return tracking.search(criteria(), first, pageSize);
        }

        @Override
        public String getRowKey(MessageSummary m) {
            return m.messageId();
        }
    }

    public LazyDataModel<MessageSummary> getResults() {
        return results;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getVaspId() {
        return vaspId;
    }

    public void setVaspId(String vaspId) {
        this.vaspId = vaspId;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
