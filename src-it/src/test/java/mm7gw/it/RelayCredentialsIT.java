package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Outbound credentials are configured with care for where they go: a password for a plain {@code http} relay URL is
 * refused unless the administrator allows it for that VASP ({@code plainHttpCredentialsAllowed}), and a stored
 * password is not kept when the URL's host changes (it must be entered again). No endpoint is called: the URLs are
 * never reached.
 */
class RelayCredentialsIT {

    private static JsonObjectBuilder settings(String url, String login, String password) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("url", url).add("mm7Release", "REL-6-MM7-1-4")
                .add("timeoutMillis", 3000);
        if (login != null) {
            b.add("login", login);
        }
        if (password != null) {
            b.add("password", password);
        }
        return b;
    }

    private static HttpResponse<String> put(Gateway.Vasp vasp, JsonObjectBuilder settings) {
        return Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), settings.build().toString());
    }

    private static String error(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject().getString("error");
    }

    private static JsonObject stored(Gateway.Vasp vasp) {
        return (JsonObject) Gateway.adminJson("/api/relay/vasps/" + vasp.vaspId());
    }

    @Test
    void aPasswordForAPlainHttpUrlIsRefusedUnlessAllowedForTheVasp() {
        Gateway.Vasp vasp = Gateway.newVasp();
        String login = "gw-" + vasp.vaspId();
        String refused = error(put(vasp, settings("http://127.0.0.1:9/mm7", login, "out-secret")));
        assertTrue(refused.contains("outbound credentials over plain http are refused"), refused);
        assertTrue(refused.contains("plainHttpCredentialsAllowed"), refused);
        assertEquals(404, Gateway.admin("GET", "/api/relay/vasps/" + vasp.vaspId(), null).statusCode(), "nothing stored");

        // no credentials over http, or credentials over https: no allowance needed
        assertEquals(200, put(vasp, settings("http://127.0.0.1:9/mm7", null, null)).statusCode());
        assertEquals(200, put(vasp, settings("https://127.0.0.1:9/mm7", login, "out-secret")).statusCode());
        assertFalse(stored(vasp).getBoolean("plainHttpCredentialsAllowed"));

        // back to http keeping the stored password: refused as well
        error(put(vasp, settings("http://127.0.0.1:9/mm7", login, null)));
        assertEquals("https://127.0.0.1:9/mm7", stored(vasp).getString("url"));

        // allowed for this VASP
        assertEquals(200, put(vasp, settings("http://127.0.0.1:9/mm7", login, null)
                .add("plainHttpCredentialsAllowed", true)).statusCode());
        JsonObject allowed = stored(vasp);
        assertEquals("http://127.0.0.1:9/mm7", allowed.getString("url"));
        assertTrue(allowed.getBoolean("plainHttpCredentialsAllowed"));
        assertTrue(allowed.getBoolean("passwordSet"));
        // a PUT without it takes the allowance back, and is refused while there are credentials
        error(put(vasp, settings("http://127.0.0.1:9/mm7", login, null)));
        assertTrue(stored(vasp).getBoolean("plainHttpCredentialsAllowed"), "the refused change left nothing");
    }

    @Test
    void theOutboundPasswordMustBeEnteredAgainWhenTheHostChanges() {
        Gateway.Vasp vasp = Gateway.newVasp();
        String login = "gw-" + vasp.vaspId();
        assertEquals(200, put(vasp, settings("https://127.0.0.1:9/mm7", login, "out-secret")).statusCode());
        // the same host, another port and path: the stored password stays
        assertEquals(200, put(vasp, settings("https://127.0.0.1:10/other", login, null)).statusCode());
        assertTrue(stored(vasp).getBoolean("passwordSet"));

        String refused = error(put(vasp, settings("https://vasp.example.net/mm7", login, null)));
        assertTrue(refused.contains("host changes from 127.0.0.1 to vasp.example.net"), refused);
        assertTrue(refused.contains("enter the outbound password again"), refused);
        assertEquals("https://127.0.0.1:10/other", stored(vasp).getString("url"), "nothing changed");

        assertEquals(200, put(vasp, settings("https://vasp.example.net/mm7", login, "new-secret")).statusCode());
        JsonObject moved = stored(vasp);
        assertEquals("https://vasp.example.net/mm7", moved.getString("url"));
        assertTrue(moved.getBoolean("passwordSet"));
        // without credentials the host may change freely
        assertEquals(200, put(vasp, settings("https://vasp.example.org/mm7", null, null)).statusCode());
        assertFalse(stored(vasp).getBoolean("passwordSet"));
    }
}
