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

    @Inject
    mm7gw.relay.boundary.RelayAdministration relay;

    private java.util.List<mm7gw.relay.boundary.OutboundCallView> calls = java.util.List.of();

    private String messageId;
    private MessageView message;

    public void load() {
        try {
            message = tracking.find(messageId);
            calls = relay.calls(messageId);
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

    /** Calls to the VASP about this message: delivery reports and read replies, with their outcome. */
    public java.util.List<mm7gw.relay.boundary.OutboundCallView> getCalls() {
        return calls;
    }

    public MessageView getMessage() {
        return message;
    }
}
