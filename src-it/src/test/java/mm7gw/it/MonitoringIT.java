package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an operator's load balancer and monitoring ask: liveness and readiness, and the metrics in the Prometheus
 * format after known traffic; without login from the host.
 */
class MonitoringIT {

    @Test
    void liveAndReadyAnswerWithoutLoginOnTheLoopbackInterface() {
        HttpResponse<String> live = get("/admin/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", json(live.body()).getString("status"));

        HttpResponse<String> ready = get("/admin/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject report = json(ready.body());
        assertEquals("UP", report.getString("status"), ready.body());
        Map<String, JsonObject> checks = report.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals(java.util.Set.of("database", "broker", "outbound-backlog", "dead-letters"), checks.keySet());
        checks.values().forEach(c -> assertEquals("UP", c.getString("status"), c.toString()));
        JsonObject depths = checks.get("broker").getJsonObject("data");
        for (String queue : new String[] {"mm7.submissions", "mm7.fanout", "mm7.outbound"}) {
            assertTrue(depths.getJsonNumber(queue).longValue() >= 0, depths.toString());
        }
        assertTrue(checks.get("dead-letters").getJsonObject("data").getJsonNumber("mm7.dlq").longValue() >= 0);
        assertTrue(checks.get("outbound-backlog").getJsonObject("data").containsKey("byVasp"));
        JsonObject database = checks.get("database").getJsonObject("data");
        if (database.getString("product").contains("PostgreSQL")) {
            // the data source's setting (datasource-postgresql.cli, payara.sh): no generic plan kept per connection
            assertEquals("force_custom_plan", database.getString("planCacheMode"), database.toString());
        }

        assertEquals(404, get("/admin/health/nothing").statusCode());
    }

    @Test
    void metricsCountTheTrafficExactly() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        String vaspLabel = "vasp=\"" + vasp.login() + "\"";
        Map<String, Double> before = scrape();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                    "<To><Number>447700900401</Number><Number>447700900402</Number></To>"));
            assertEquals("1000", Gateway.mm7(Gateway.xml(r.body()), "StatusCode"), r.body());
            accepted.add(Gateway.mm7(Gateway.xml(r.body()), "MessageID"));
        }
        HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>xyz</Number></To>"));
        assertEquals("2002", Gateway.mm7(Gateway.xml(refused.body()), "StatusCode"), refused.body());
        for (String id : accepted) {
            Gateway.awaitCounts(id, c -> Gateway.inState(c, "DELIVERED") == 2, Duration.ofSeconds(60));
        }

        Map<String, Double> after = scrape();
        assertEquals(3, delta(before, after, "mm7_submits_total{" + vaspLabel + ",status=\"1000\"}"), "accepted submits");
        assertEquals(1, delta(before, after, "mm7_submits_total{" + vaspLabel + ",status=\"2002\"}"), "refused submits");
        // the counters below are the node's, not the VASP's: other tests' late work may add to them
        assertTrue(delta(before, after, "mm7_request_seconds_count") >= 4, "latency observations");
        assertTrue(delta(before, after, "mm7_recipients_fanned_out_total") >= 6, "recipients fanned out");
        assertTrue(delta(before, after, "mm7_charging_events_total{record_type=\"MM7_SUBMIT\"}") >= 3);
        assertTrue(delta(before, after, "mm7_charging_events_total{record_type=\"RECIPIENT_DELIVERY\"}") >= 6);
        // one after the other, each submit is a batch of one: the group commit's counters (there from the start) stay
        assertEquals(0, delta(before, after, "mm7_submits_batched_total"), "submits accepted in batches");
        assertEquals(0, delta(before, after, "mm7_submit_batches_total{outcome=\"one_by_one\"}"), "failed batches");
        assertTrue(after.containsKey("mm7_queue_depth{queue=\"mm7.submissions\"}"), after.keySet().toString());
        assertTrue(after.containsKey("mm7_dead_letters"), after.keySet().toString());
        assertTrue(after.get("mm7_request_seconds_bucket{le=\"+Inf\"}") >= after.get("mm7_request_seconds_bucket{le=\"0.5\"}"));
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        assertTrue(after.containsKey(series), series + " in " + after.keySet());
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    /** The scrape as series (name and labels) to value; checks every line is a comment or a sample. */
    static Map<String, Double> scrape() {
        HttpResponse<String> r = get("/admin/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            assertTrue(space > 0, "a sample: " + line);
            samples.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
        }
        return samples;
    }

    private static HttpResponse<String> get(String path) {
        return Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + path)).timeout(Duration.ofSeconds(30))
                .GET().build());
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }
}
