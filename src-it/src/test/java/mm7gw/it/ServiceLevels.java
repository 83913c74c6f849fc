package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/** Reads and changes VASP service levels, and reads the access-refusal audit, through the admin API. */
final class ServiceLevels {
    private ServiceLevels() {
    }

    static JsonObject of(String vaspId) {
        return (JsonObject) Gateway.adminJson("/api/vasps/" + vaspId + "/service-level");
    }

    /** Takes the VASP-wide level as it is, applies the change, writes it back; returns the stored level. */
    static JsonObject change(String vaspId, Consumer<JsonObjectBuilder> change) {
        return put("/api/vasps/" + vaspId + "/service-level", of(vaspId), change);
    }

    /** Lets the VASP send mass distributions of up to {@code recipients} recipients in one request. */
    static JsonObject allowMassDistribution(String vaspId, int recipients) {
        return change(vaspId, b -> b.add("maxRecipients", recipients).add("maxRecipientsPerSecond", 10 * recipients));
    }

    /** Gives the service its own level: the VASP-wide terms with the change applied. */
    static JsonObject changeOfService(String vaspId, String vasId, Consumer<JsonObjectBuilder> change) {
        return put("/api/vasps/" + vaspId + "/services/" + vasId + "/service-level", of(vaspId), change);
    }

    private static JsonObject put(String path, JsonObject current, Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder b = Json.createObjectBuilder(current);
        change.accept(b);
        HttpResponse<String> r = Gateway.admin("PUT", path, b.build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new java.io.StringReader(r.body())).readObject();
    }

    static JsonArray list(String... values) {
        var b = Json.createArrayBuilder();
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /** The VASP's audited refusals, newest first. */
    static JsonArray refusals(String vaspId) {
        return (JsonArray) Gateway.adminJson("/api/vasps/" + vaspId + "/access-refusals");
    }
}
