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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The health checks an operator's load balancer and monitoring ask: liveness and readiness, without login from the host. */
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

        assertEquals(404, get("/admin/health/nothing").statusCode());
    }

    private static HttpResponse<String> get(String path) {
        return Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.BASE + path)).timeout(Duration.ofSeconds(30))
                .GET().build());
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }
}
