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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import mm7gw.vasp.boundary.NewVasp;
import mm7gw.vasp.boundary.VaspAdministration;
import mm7gw.vasp.boundary.VaspView;

@RequestScoped
@Path("vasps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VaspsResource {
    @Inject
    VaspAdministration vasps;

    @GET
    public List<VaspView> list() {
        return vasps.list();
    }

    @POST
    public Response register(NewVasp request, @Context UriInfo uri) {
        VaspView created = vasps.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.vaspId()).build()).entity(created).build();
    }

    @GET
    @Path("{vaspId}")
    public VaspView get(@PathParam("vaspId") String vaspId) {
        return vasps.get(vaspId);
    }

    @POST
    @Path("{vaspId}/suspend")
    public VaspView suspend(@PathParam("vaspId") String vaspId) {
        return vasps.suspend(vaspId);
    }

    @POST
    @Path("{vaspId}/resume")
    public VaspView resume(@PathParam("vaspId") String vaspId) {
        return vasps.resume(vaspId);
    }

    public record PasswordChange(String password) {
    }

    @PUT
    @Path("{vaspId}/password")
    public Response changePassword(@PathParam("vaspId") String vaspId, PasswordChange change) {
        vasps.changePassword(vaspId, change == null ? null : change.password());
        return Response.noContent().build();
    }
}
