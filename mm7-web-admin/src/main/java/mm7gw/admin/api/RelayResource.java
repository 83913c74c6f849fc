package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import mm7gw.relay.boundary.DeadLetterView;
import mm7gw.relay.boundary.OutboundCallView;
import mm7gw.relay.boundary.RelayAdministration;
import mm7gw.relay.boundary.RelayEndpointRequest;
import mm7gw.relay.boundary.RelayEndpointView;
import mm7gw.relay.control.ProbeResult;

/**
 * The relay to VASPs: endpoints and outbound credentials, a probe of an endpoint, calls per message, dead letters
 * and their replay.
 */
@RequestScoped
@Path("relay")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelayResource {
    @Inject
    RelayAdministration relay;

    @GET
    @Path("vasps/{vaspId}")
    public RelayEndpointView endpoint(@PathParam("vaspId") String vaspId) {
        return relay.endpoint(vaspId);
    }

    @PUT
    @Path("vasps/{vaspId}")
    public RelayEndpointView configure(@PathParam("vaspId") String vaspId, RelayEndpointRequest request) {
        return relay.configure(vaspId, request);
    }

    /** Tests the VASP's relay endpoint (HEAD with the outbound credentials; no MM7 request is sent). */
    @POST
    @Path("vasps/{vaspId}/probe")
    public ProbeResult probe(@PathParam("vaspId") String vaspId) {
        return relay.probe(vaspId);
    }

    @GET
    @Path("messages/{messageId}/calls")
    public List<OutboundCallView> calls(@PathParam("messageId") String messageId) {
        return relay.calls(messageId);
    }

    @GET
    @Path("dead-letters")
    public List<DeadLetterView> deadLetters() {
        return relay.deadLetters();
    }

    @POST
    @Path("dead-letters/{jmsMessageId}/replay")
    public OutboundCallView replay(@PathParam("jmsMessageId") String jmsMessageId) {
        return relay.replay(jmsMessageId);
    }
}
