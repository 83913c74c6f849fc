package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mm7gw.mailbox.boundary.MailboxViews;
import mm7gw.mailbox.boundary.Mailboxes;

/**
 * The simulated MM1 side: a subscriber's mailbox, named by the subscriber's address. The retrieval (the
 * recipient's state becomes RETRIEVED) is a POST to {@code .../retrieve}; a GET of a message, its content or one
 * of its parts only shows it (the content the recipient retrieved, else the current one) and changes nothing.
 */
@RequestScoped
@Path("mailboxes/{address}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxesResource {
    @Inject
    Mailboxes mailboxes;

    @GET
    public List<MailboxViews.Entry> list(@PathParam("address") String address) {
        return mailboxes.list(address);
    }

    /** the message as it stands; no state change */
    @GET
    @Path("{messageId}")
    public MailboxViews.Retrieved show(@PathParam("address") String address, @PathParam("messageId") String id) {
        return mailboxes.show(address, id);
    }

    @POST
    @Path("{messageId}/retrieve")
    public MailboxViews.Retrieved retrieve(@PathParam("address") String address, @PathParam("messageId") String id) {
        return mailboxes.retrieve(address, id);
    }

    /** the content exactly as stored, with its Content-Type (boundary and all) */
    @GET
    @Path("{messageId}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("address") String address, @PathParam("messageId") String id) {
        return raw(mailboxes.content(address, id), id + ".mime");
    }

    /** one part's body, transfer encoding removed */
    @GET
    @Path("{messageId}/parts/{index}")
    @Produces(MediaType.WILDCARD)
    public Response part(@PathParam("address") String address, @PathParam("messageId") String id,
            @PathParam("index") int index) {
        return raw(mailboxes.part(address, id, index), id + "-part" + index + ".bin");
    }

    @POST
    @Path("{messageId}/read")
    public MailboxViews.Entry read(@PathParam("address") String address, @PathParam("messageId") String id) {
        return mailboxes.read(address, id);
    }

    /** the simulated MM1 forward: 409 for a message its VASP marked not for redistribution */
    @POST
    @Path("{messageId}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailboxViews.Forwarded forward(@PathParam("address") String address, @PathParam("messageId") String id,
            MailboxViews.ForwardRequest request) {
        return mailboxes.forward(address, id, request);
    }

    @POST
    @Path("{messageId}/reject")
    public MailboxViews.Entry reject(@PathParam("address") String address, @PathParam("messageId") String id) {
        return mailboxes.reject(address, id);
    }

    /** as a download: see {@link StoredContent} */
    private static Response raw(MailboxViews.Raw raw, String fileName) {
        return StoredContent.download(raw.body(), raw.contentType(), fileName).build();
    }
}
