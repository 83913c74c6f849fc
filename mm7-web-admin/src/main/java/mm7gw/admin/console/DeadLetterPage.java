package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.relay.boundary.DeadLetterView;
import mm7gw.relay.boundary.OutboundCallView;
import mm7gw.relay.boundary.RelayAdministration;

/** The outbound dead-letter queue: calls to VASPs that failed every redelivery, with replay. */
@Named
@ViewScoped
public class DeadLetterPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    RelayAdministration relay;

    private List<DeadLetterView> entries;

    @PostConstruct
    void load() {
        entries = relay.deadLetters();
    }

    public void replay(String jmsMessageId) {
        try {
            OutboundCallView call = relay.replay(jmsMessageId);
            Messages.info("Replayed", call.kind() + " to " + call.vaspId() + " is queued again");
        } catch (RequestRefused e) {
            Messages.error("Not replayed", e.getMessage());
        }
        load();
    }

    public List<DeadLetterView> getEntries() {
        return entries;
    }
}
