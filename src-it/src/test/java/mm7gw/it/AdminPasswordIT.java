package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * An administrator changes his own password through the admin API: the current password is required, the new one
 * follows the policy (12 characters at least, not the login, not a password this project publishes), and from the
 * change on only the new one opens the API, although the old one had just been verified and remembered. Runs with
 * an administrator of its own (added through the API), so the suite's administrator keeps its password.
 */
class AdminPasswordIT {
    private static final String SELF = "/api/administrators/self/password";

    private static String change(String current, String next) {
        return Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build().toString();
    }

    private static String newAdmin(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    private static void assertRefused(HttpResponse<String> r, String reason) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(reason), r.body());
    }

    @Test
    void anAdministratorChangesHisOwnPasswordAndTheOldOneStopsWorkingAtOnce() {
        String login = Gateway.unique("it-adm");
        String first = "first-" + java.util.UUID.randomUUID();
        String second = "second-" + java.util.UUID.randomUUID();
        // a new administrator gets a password that follows the policy too
        assertRefused(Gateway.admin("POST", "/api/administrators", newAdmin(login, "short-pw")), "at least 12");
        assertRefused(Gateway.admin("POST", "/api/administrators", newAdmin(login, "it-admin-secret")), "publishes");
        assertEquals(201, Gateway.admin("POST", "/api/administrators", newAdmin(login, first)).statusCode());
        assertEquals(409, Gateway.admin("POST", "/api/administrators", newAdmin(login, first)).statusCode());

        // verified (and remembered by the realm for some minutes)
        assertEquals(200, Gateway.adminAs(login, first, "GET", "/api/system", null).statusCode());

        assertRefused(Gateway.adminAs(login, first, "PUT", SELF, change("not-" + first, second)), "currentPassword");
        assertRefused(Gateway.adminAs(login, first, "PUT", SELF, change(first, "too-short")), "at least 12");
        assertRefused(Gateway.adminAs(login, first, "PUT", SELF, change(first, login)), "may not be the login");
        assertRefused(Gateway.adminAs(login, first, "PUT", SELF, change(first, "it-admin-secret")), "publishes");
        assertRefused(Gateway.adminAs(login, first, "PUT", SELF, change(first, first)), "the current password");
        assertEquals(200, Gateway.adminAs(login, first, "GET", "/api/system", null).statusCode(),
                "the refused changes left the password as it was");

        HttpResponse<String> changed = Gateway.adminAs(login, first, "PUT", SELF, change(first, second));
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(401, Gateway.adminAs(login, first, "GET", "/api/system", null).statusCode(),
                "the old password, verified a moment ago, no longer opens the API");
        assertEquals(200, Gateway.adminAs(login, second, "GET", "/api/system", null).statusCode());
    }
}
