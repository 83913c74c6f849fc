package mm7gw.admin.health;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import mm7gw.health.Readiness;

/**
 * Liveness ({@code /admin/health/live}: the application is deployed and answers) and readiness
 * ({@code /admin/health/ready}: database, broker, outbound backlog, dead letters; 503 when the node cannot accept),
 * as JSON in the shape of MicroProfile Health ({@code status}, {@code checks}). A servlet in the application rather
 * than the servers' MicroProfile Health: WildFly's standalone-full.xml has no microprofile-health subsystem and serves
 * it on the management port only. Callers on the loopback interface (a local agent or a load balancer on the host)
 * need no login; others the admin role.
 */
@WebServlet("/health/*")
public class HealthServlet extends HttpServlet {

    @Inject
    Readiness readiness;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!LocalOrAdmin.allowed(req, resp)) {
            return;
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        JsonObjectBuilder body = Json.createObjectBuilder();
        boolean up;
        switch (path) {
            case "/live" -> {
                up = true;
                body.add("checks", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "application").add("status", "UP")));
            }
            case "/ready", "", "/" -> {
                Readiness.Report report = readiness.check();
                up = report.up();
                JsonArrayBuilder checks = Json.createArrayBuilder();
                report.checks().forEach(c -> checks.add(Json.createObjectBuilder().add("name", c.name())
                        .add("status", c.up() ? "UP" : "DOWN").add("data", json(c.data()))));
                body.add("checks", checks);
            }
            default -> {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        body.add("status", up ? "UP" : "DOWN");
        resp.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(body.build().toString());
    }

    private static JsonObjectBuilder json(Map<String, Object> data) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        data.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) m;
                b.add(k, json(nested));
            } else if (v instanceof Number n) {
                b.add(k, n.longValue());
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b;
    }
}
