package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The endpoint probe ("Test connection") is no scanner of the operator's own networks: a relay URL on a loopback,
 * link-local or private address is not probed unless the operator allows it
 * ({@code mm7.relay.probe.private-networks-allowed}; the test server allows it, since the test VASPs run on
 * loopback, and this test takes that away on the running server).
 */
class ProbeTargetIT {
    private static final String ALLOWED = "mm7.relay.probe.private-networks-allowed";

    private static JsonObject probe(Gateway.Vasp vasp) {
        HttpResponse<String> r = Gateway.admin("POST", "/api/relay/vasps/" + vasp.vaspId() + "/probe", null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static void relayTo(Gateway.Vasp vasp, String url) {
        HttpResponse<String> set = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder()
                .add("url", url).add("mm7Release", "REL-6-MM7-1-4").add("timeoutMillis", 3000).build().toString());
        assertEquals(200, set.statusCode(), set.body());
    }

    @Test
    void loopbackAndPrivateAddressesAreNotProbedUnlessTheOperatorAllowsIt() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        try (TestVasp endpoint = TestVasp.start()) {
            relayTo(vasp, endpoint.url().toString());
            TestServer.set(ALLOWED, "false");
            try {
                JsonObject refused = probe(vasp);
                assertFalse(refused.getBoolean("reachable"), refused.toString());
                assertFalse(refused.getBoolean("ok"), refused.toString());
                assertTrue(refused.getString("summary").startsWith("Not probed: 127.0.0.1 is 127.0.0.1, a loopback"),
                        refused.toString());
                assertTrue(endpoint.received().isEmpty(), "nothing reached the endpoint: " + endpoint.received());
                // the same for a name that resolves to loopback, and for the other internal ranges
                for (String url : new String[] {"http://localhost:" + endpoint.url().getPort() + "/mm7",
                        "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/mm7", "http://[::1]:9/mm7",
                        "http://192.168.0.1/mm7"}) {
                    relayTo(vasp, url);
                    JsonObject r = probe(vasp);
                    assertTrue(r.getString("summary").startsWith("Not probed: "), url + ": " + r);
                }
                assertTrue(endpoint.received().isEmpty(), "nothing reached the endpoint: " + endpoint.received());
            } finally {
                TestServer.set(ALLOWED, "true");
            }
            relayTo(vasp, endpoint.url().toString());
            JsonObject allowed = probe(vasp);
            assertTrue(allowed.getBoolean("reachable"), allowed.toString());
            assertEquals("HEAD", endpoint.received().get(endpoint.received().size() - 1).method());
        }
    }
}
