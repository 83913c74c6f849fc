package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import mm7gw.system.SystemInformation;

@RequestScoped
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    @Inject
    SystemInformation system;

    @GET
    public SystemInformation.Info info() {
        return system.info();
    }
}
