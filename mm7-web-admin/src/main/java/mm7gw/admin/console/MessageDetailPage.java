package mm7gw.admin.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.submission.boundary.MessageTracking;
import mm7gw.submission.boundary.MessageView;

/** One message with the state of each recipient and its delivery attempts. */
@Named
@RequestScoped
public class MessageDetailPage {
    @Inject
    MessageTracking tracking;

    private String messageId;
    private MessageView message;

    public void load() {
        try {
            message = tracking.find(messageId);
        } catch (RequestRefused e) {
            Messages.error("Unknown message", e.getMessage());
        }
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public MessageView getMessage() {
        return message;
    }
}
