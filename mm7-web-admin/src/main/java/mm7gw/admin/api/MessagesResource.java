package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mm7gw.charging.boundary.ChargingEventView;
import mm7gw.charging.boundary.ChargingRecords;
import mm7gw.submission.boundary.ContentView;
import mm7gw.submission.boundary.MessageSummary;
import mm7gw.submission.boundary.MessageTracking;
import mm7gw.submission.boundary.MessageView;
import mm7gw.submission.boundary.RecipientCounts;

@RequestScoped
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    @Inject
    MessageTracking tracking;

    @Inject
    ChargingRecords charging;

    @GET
    public List<MessageSummary> search(@QueryParam("vaspId") String vaspId,
            @QueryParam("transactionId") String transactionId) {
        return tracking.search(vaspId, transactionId);
    }

    @GET
    @Path("{messageId}")
    public MessageView get(@PathParam("messageId") String messageId) {
        return tracking.find(messageId);
    }

    /**
     * The stored MIME entity: its Content-Type as submitted, the bytes as stored (transfer encoding removed), as a
     * download ({@link StoredContent}).
     */
    @GET
    @Path("{messageId}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("messageId") String messageId) {
        ContentView c = tracking.content(messageId);
        return StoredContent.download(c.body(), c.contentType(), messageId + ".mime")
                .header("X-Content-SHA256", c.sha256()).build();
    }

    /** counts only (recipients per state, history, charging): for messages with thousands of recipients */
    @GET
    @Path("{messageId}/counts")
    public RecipientCounts counts(@PathParam("messageId") String messageId) {
        return tracking.counts(messageId);
    }

    @GET
    @Path("{messageId}/charging-events")
    public List<ChargingEventView> chargingEvents(@PathParam("messageId") String messageId) {
        return charging.forMessage(messageId);
    }
}
