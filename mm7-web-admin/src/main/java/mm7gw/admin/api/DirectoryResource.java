package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.directory.boundary.DirectoryAdministration;
import mm7gw.directory.boundary.DirectoryAdministration.DomainView;
import mm7gw.directory.boundary.DirectoryAdministration.RangeView;
import mm7gw.directory.boundary.DirectoryAdministration.SubscriberView;

/** The subscriber directory: served number ranges, served mail domains, subscribers and their state. */
@RequestScoped
@Path("directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DirectoryResource {
    @Inject
    DirectoryAdministration directory;

    public record NewRange(String prefix, Boolean open) {
    }

    public record NewDomain(String domain, Boolean open) {
    }

    /** @param deliveryConditionsMet the DC values the subscriber's terminal meets (absent: no known limit) */
    public record SubscriberChange(String address, String state, List<Integer> deliveryConditionsMet) {
    }

    @GET
    @Path("number-ranges")
    public List<RangeView> ranges() {
        return directory.ranges();
    }

    @POST
    @Path("number-ranges")
    public Response addRange(NewRange request, @Context UriInfo uri) {
        RangeView created = directory.addRange(required(request).prefix(), request.open());
        return Response.created(uri.getAbsolutePathBuilder().path(created.prefix()).build()).entity(created).build();
    }

    @DELETE
    @Path("number-ranges/{prefix}")
    public Response removeRange(@PathParam("prefix") String prefix) {
        directory.removeRange(prefix);
        return Response.noContent().build();
    }

    @GET
    @Path("mail-domains")
    public List<DomainView> domains() {
        return directory.domains();
    }

    @POST
    @Path("mail-domains")
    public Response addDomain(NewDomain request, @Context UriInfo uri) {
        DomainView created = directory.addDomain(required(request).domain(), request.open());
        return Response.created(uri.getAbsolutePathBuilder().path(created.domain()).build()).entity(created).build();
    }

    @DELETE
    @Path("mail-domains/{domain}")
    public Response removeDomain(@PathParam("domain") String domain) {
        directory.removeDomain(domain);
        return Response.noContent().build();
    }

    @GET
    @Path("subscribers")
    public List<SubscriberView> subscribers(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return directory.subscribers(offset, limit);
    }

    /**
     * Registers a subscriber or changes it ({"address", "state", "deliveryConditionsMet"}; state defaults to ACTIVE,
     * deliveryConditionsMet to no known limit).
     */
    @POST
    @Path("subscribers")
    public SubscriberView setSubscriber(SubscriberChange request) {
        return directory.setSubscriber(required(request).address(), request.state(), request.deliveryConditionsMet(),
                true);
    }

    @GET
    @Path("subscribers/{address}")
    public SubscriberView subscriber(@PathParam("address") String address) {
        return directory.subscriber(address);
    }

    @PUT
    @Path("subscribers/{address}")
    public SubscriberView changeSubscriber(@PathParam("address") String address, SubscriberChange request) {
        return directory.setSubscriber(address, required(request).state(), request.deliveryConditionsMet(),
                request.deliveryConditionsMet() != null);
    }

    @DELETE
    @Path("subscribers/{address}")
    public Response removeSubscriber(@PathParam("address") String address) {
        directory.removeSubscriber(address);
        return Response.noContent().build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw RequestRefused.invalid("a JSON body is required");
        }
        return body;
    }
}
