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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import mm7gw.vasp.boundary.AccessRefusalView;
import mm7gw.vasp.boundary.NewVasp;
import mm7gw.vasp.boundary.ServiceLevelView;
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

    /** Deletes a VASP without traffic (204); 409 when messages, charging events or relay calls refer to it. */
    @DELETE
    @Path("{vaspId}")
    public Response delete(@PathParam("vaspId") String vaspId) {
        vasps.delete(vaspId);
        return Response.noContent().build();
    }

    @POST
    @Path("{vaspId}/services/{vasId}/deactivate")
    public VaspView deactivateService(@PathParam("vaspId") String vaspId, @PathParam("vasId") String vasId) {
        return vasps.deactivateService(vaspId, vasId);
    }

    @POST
    @Path("{vaspId}/services/{vasId}/activate")
    public VaspView activateService(@PathParam("vaspId") String vaspId, @PathParam("vasId") String vasId) {
        return vasps.activateService(vaspId, vasId);
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

    public record NameChange(String name) {
    }

    /** Changes the display name; the VASP ID and login stay. */
    @PUT
    @Path("{vaspId}/name")
    public VaspView rename(@PathParam("vaspId") String vaspId, NameChange change) {
        return vasps.rename(vaspId, change == null ? null : change.name());
    }

    @PUT
    @Path("{vaspId}/password")
    public Response changePassword(@PathParam("vaspId") String vaspId, PasswordChange change) {
        vasps.changePassword(vaspId, change == null ? null : change.password());
        return Response.noContent().build();
    }

    @GET
    @Path("{vaspId}/service-level")
    public ServiceLevelView serviceLevel(@PathParam("vaspId") String vaspId) {
        return vasps.serviceLevel(vaspId);
    }

    @PUT
    @Path("{vaspId}/service-level")
    public ServiceLevelView changeServiceLevel(@PathParam("vaspId") String vaspId, ServiceLevelView level) {
        return vasps.changeServiceLevel(vaspId, level);
    }

    @GET
    @Path("{vaspId}/services/{vasId}/service-level")
    public ServiceLevelView serviceLevelOfService(@PathParam("vaspId") String vaspId, @PathParam("vasId") String vasId) {
        return vasps.serviceLevelOfService(vaspId, vasId);
    }

    @PUT
    @Path("{vaspId}/services/{vasId}/service-level")
    public ServiceLevelView changeServiceLevelOfService(@PathParam("vaspId") String vaspId,
            @PathParam("vasId") String vasId, ServiceLevelView level) {
        return vasps.changeServiceLevelOfService(vaspId, vasId, level);
    }

    @DELETE
    @Path("{vaspId}/services/{vasId}/service-level")
    public ServiceLevelView dropServiceLevelOfService(@PathParam("vaspId") String vaspId,
            @PathParam("vasId") String vasId) {
        return vasps.dropServiceLevelOfService(vaspId, vasId);
    }

    @GET
    @Path("{vaspId}/access-refusals")
    public List<AccessRefusalView> accessRefusals(@PathParam("vaspId") String vaspId,
            @QueryParam("max") @DefaultValue("100") int max) {
        return vasps.accessRefusals(vaspId, max);
    }

    /** Registers the VASP's TLS client certificate; body: the certificate in PEM form. */
    @PUT
    @Path("{vaspId}/client-certificate")
    @Consumes({MediaType.TEXT_PLAIN, "application/x-pem-file"})
    public VaspView registerClientCertificate(@PathParam("vaspId") String vaspId, String pem) {
        return vasps.registerClientCertificate(vaspId, pem);
    }

    @DELETE
    @Path("{vaspId}/client-certificate")
    public VaspView removeClientCertificate(@PathParam("vaspId") String vaspId) {
        return vasps.removeClientCertificate(vaspId);
    }

    /** Lifts a lock-out after repeated failed logins (failedLogins and lockedUntil are in the VASP's view). */
    @POST
    @Path("{vaspId}/unlock")
    public VaspView unlock(@PathParam("vaspId") String vaspId) {
        return vasps.unlock(vaspId);
    }
}
