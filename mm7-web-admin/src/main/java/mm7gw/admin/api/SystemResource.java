package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import mm7gw.charging.boundary.ChargingRecords;
import mm7gw.submission.boundary.MessageTracking;
import mm7gw.system.SystemInformation;

@RequestScoped
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    @Inject
    SystemInformation system;

    @Inject
    MessageTracking messages;

    @Inject
    ChargingRecords charging;

    @GET
    public SystemInformation.Info info() {
        return system.info();
    }

    /** What the pipeline has accepted and not finished: distribution and charging backlogs. */
    public record Backlog(long undistributedMessages, int waitingForHandOffOnThisNode, long unnumberedChargingEvents) {
    }

    @GET
    @Path("backlog")
    public Backlog backlog() {
        MessageTracking.DistributionBacklog d = messages.distributionBacklog();
        return new Backlog(d.undistributedMessages(), d.waitingForHandOffOnThisNode(), charging.unnumbered());
    }
}
