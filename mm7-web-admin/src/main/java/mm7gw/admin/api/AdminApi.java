package mm7gw.admin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The admin REST API (JSON), role admin; the console uses the same EJB facades.
 * <p>
 * Its classes are listed here rather than found by scanning: a server that scans hands the application every
 * {@code @Provider} of the EAR, and EclipseLink's jar in the EAR's {@code lib/} carries one, its MOXy JSON provider
 * ({@code org.eclipse.persistence.jaxb.rs.MOXyJsonProvider}, for any media type). Registered as the application's
 * own provider it is asked first for every answer, cannot bind the records and logs a WARNING with a stack trace
 * each time before JSON-B writes the answer. Payara's Jersey did so (its {@code jersey.config.server.disableMoxyJson}
 * only turns off Jersey's own MOXy feature, not a provider the application brings); WildFly's RESTEasy too, which
 * {@code resteasy.disable.providers} in web.xml also prevents. JSON is JSON-B's on both servers.
 * {@code AdminApiTest} checks that every resource and provider of this package is listed.
 */
@ApplicationPath("/api")
public class AdminApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdministratorsResource.class, ChargingResource.class, DirectoryResource.class,
                MailboxesResource.class, MessagesResource.class, OutboxResource.class, RelayResource.class,
                SystemResource.class, VaspsResource.class, RequestRefusedMapper.class, UnexpectedFailureMapper.class);
    }
}
