package mm7gw.admin.health;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/** Health and metrics: callers on the loopback interface need no login (a local agent or balancer), others the admin role. */
final class LocalOrAdmin {
    private LocalOrAdmin() {
    }

    static boolean allowed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (InetAddress.getByName(req.getRemoteAddr()).isLoopbackAddress() || req.isUserInRole("admin")) {
            return true;
        }
        try {
            if (req.authenticate(resp) && req.isUserInRole("admin")) {
                return true;
            }
            if (!resp.isCommitted()) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        } catch (Exception e) {
            if (!resp.isCommitted()) {
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
        }
        return false;
    }
}
