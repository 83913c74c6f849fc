package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mm7gw.relay.boundary.MoRequest;
import mm7gw.relay.boundary.MoView;
import mm7gw.relay.boundary.Outbox;

/** The simulated MM1 submission: a subscriber sends a message to a VASP's short code (delivered by MM7_deliver). */
@RequestScoped
@Path("mailboxes/{address}/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutboxResource {
    @Inject
    Outbox outbox;

    @POST
    public Response send(@PathParam("address") String address, MoRequest request) {
        MoView sent = outbox.send(address, request);
        return Response.status(Response.Status.ACCEPTED).entity(sent).build();
    }
}
