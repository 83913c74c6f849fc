package mm7gw.admin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin REST API (JSON), role admin; the console uses the same EJB facades. */
@ApplicationPath("/api")
public class AdminApi extends Application {
}
