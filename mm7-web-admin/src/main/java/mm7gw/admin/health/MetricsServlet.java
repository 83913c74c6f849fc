package mm7gw.admin.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import mm7gw.health.Readiness;
import mm7gw.metrics.Metrics;

/** This node's metrics in the Prometheus text format ({@code /admin/metrics}); see {@link Metrics}. */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {
    private static final Map<String, String> GAUGE_HELP = Map.of(
            "mm7_queue_depth", "messages waiting on the gateway's queues (counted up to 10000)",
            "mm7_dead_letters", "outbound calls on mm7.dlq, waiting for an admin's replay",
            "mm7_outbound_backlog", "outbound calls queued for their (next) attempt, by VASP");

    @Inject
    Readiness readiness;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!LocalOrAdmin.allowed(req, resp)) {
            return;
        }
        Map<String, Map<String, Long>> gauges;
        try {
            gauges = readiness.gauges();
        } catch (Exception e) {
            gauges = Map.of();
        }
        resp.setContentType("text/plain; version=0.0.4");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(Metrics.prometheusText(gauges, GAUGE_HELP));
    }
}
