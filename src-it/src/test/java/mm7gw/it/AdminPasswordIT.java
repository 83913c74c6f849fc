package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An administrator changes his own password through the admin API: the current password is required, the new one
 * follows the policy (12 characters at least, not the login, not a password this project publishes), and from the
 * change on only the new one opens the API, although the old one had just been verified and remembered. Runs with
 * an administrator of its own (added through the API), so the suite's administrator keeps its password.
 * A wrong current password sent through a console session counts as a failed login of the administrator (the login
 * throttle: after 5 the login is blocked from that address, for 2 s on the test servers, and the change is refused
 * unchecked, 429, like a login with Basic); a change signs out the administrator's other console sessions and keeps
 * the one it came from.
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

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginOfTheAdministrator() throws Exception {
        String password = "first-" + java.util.UUID.randomUUID();
        String next = "next-" + java.util.UUID.randomUUID();
        String login = addedAdministrator(password);
        HttpClient session = consoleSession(login, password);
        // the test servers' throttle: 5 failures free (the 5th blocks for mm7.login.lock-seconds=2)
        for (int i = 1; i <= 5; i++) {
            assertRefused(putThroughSession(session, change("guess-" + i + "-" + password, next)), "currentPassword");
        }
        HttpResponse<String> blocked = putThroughSession(session, change(password, next));
        assertEquals(429, blocked.statusCode(), "the right password is not even checked while blocked: " + blocked.body());
        assertTrue(blocked.body().contains("too many wrong passwords"), blocked.body());
        assertEquals(401, Gateway.adminAs(login, password, "GET", "/api/system", null).statusCode(),
                "the same throttle: a login from this address is blocked too");
        HttpResponse<String> changed = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end; ) {
            Thread.sleep(500);
            changed = putThroughSession(session, change(password, next));
            if (changed.statusCode() != 429) {
                break;
            }
        }
        assertEquals(204, changed.statusCode(), "once the block has ended: " + changed.body());
        assertEquals(200, Gateway.adminAs(login, next, "GET", "/api/system", null).statusCode());
    }

    @Test
    void aChangeSignsOutTheAdministratorsOtherConsoleSessionsAndKeepsItsOwn() throws Exception {
        String password = "first-" + java.util.UUID.randomUUID();
        String next = "next-" + java.util.UUID.randomUUID();
        String login = addedAdministrator(password);
        HttpClient here = consoleSession(login, password);
        HttpClient elsewhere = consoleSession(login, password);
        HttpClient otherAdmin = consoleSession(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD);
        assertTrue(signedIn(elsewhere));

        HttpResponse<String> changed = putThroughSession(here, change(password, next));
        assertEquals(204, changed.statusCode(), changed.body());
        assertFalse(signedIn(elsewhere), "the administrator's other console session is signed out");
        assertTrue(signedIn(here), "the session that changed it stays");
        assertTrue(signedIn(otherAdmin), "another administrator's session stays");
    }

    /**
     * A change made through another node of a cluster reaches this node only through the database: here the
     * administrator's password hash is replaced in the database directly, as another node's change would, and every
     * console session opened before is signed out within two seconds (the node keeps the administrator's stamp for
     * at most one); a session opened after it stays.
     */
    @Test
    void aChangeMadeElsewhereSignsOutTheSessionsOpenedBeforeItWithinSeconds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Billing.onPostgresql(), "changes the database directly");
        String password = "first-" + java.util.UUID.randomUUID();
        String login = addedAdministrator(password);
        HttpClient one = consoleSession(login, password);
        HttpClient two = consoleSession(login, password);
        HttpClient otherAdmin = consoleSession(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD);
        String next = "next-" + java.util.UUID.randomUUID();
        String other = addedAdministrator(next);
        try (java.sql.Connection db = Billing.database();
                java.sql.PreparedStatement update = db.prepareStatement("update mm7_admin_account set password_hash ="
                        + " (select password_hash from mm7_admin_account where username = ?) where username = ?")) {
            // the other administrator's hash: the password is now "next" as if changed to it on another node
            update.setString(1, other);
            update.setString(2, login);
            assertEquals(1, update.executeUpdate());
        }
        long changedAt = System.nanoTime();
        boolean out = false;
        while (!out && System.nanoTime() - changedAt < Duration.ofSeconds(5).toNanos()) {
            out = !signedIn(one);
            if (!out) {
                Thread.sleep(100);
            }
        }
        long tookMillis = (System.nanoTime() - changedAt) / 1_000_000;
        System.out.printf("MM7 admin password changed elsewhere: session signed out after %d ms%n", tookMillis);
        assertTrue(out, "the session opened before the change is signed out");
        assertTrue(tookMillis < 2500, "within two seconds: " + tookMillis + " ms");
        assertFalse(signedIn(two), "so is the other one");
        assertTrue(signedIn(otherAdmin), "another administrator's session stays");
        assertTrue(signedIn(consoleSession(login, next)), "a session opened with the new password stays");
    }

    /** Whether the session still opens the API: its answer, not the login form (which a server may answer with 200). */
    private static boolean signedIn(HttpClient browser) throws Exception {
        HttpResponse<String> r = getThroughSession(browser, "/api/system");
        return r.statusCode() == 200 && r.body().trim().startsWith("{") && !r.body().contains("j_security_check");
    }

    /** An administrator of the test's own, with this password. @return the login */
    private static String addedAdministrator(String password) {
        String login = Gateway.unique("it-adm");
        assertEquals(201, Gateway.admin("POST", "/api/administrators", newAdmin(login, password)).statusCode());
        return login;
    }

    /** A browser signed in to the console with the login form: its session cookie, no credentials per request. */
    private static HttpClient consoleSession(String login, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        browser.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(
                        URI.create(Gateway.ADMIN_BASE + "/admin/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(signedIn.statusCode() == 302 || signedIn.statusCode() == 303,
                "signed in: " + signedIn.statusCode() + " " + signedIn.body());
        assertTrue(signedIn(browser), "the session opens the API");
        return browser;
    }

    private static HttpResponse<String> getThroughSession(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin" + path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A state change through the console session: with the header the API asks of those (CSRF). */
    private static HttpResponse<String> putThroughSession(HttpClient browser, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE + "/admin" + SELF))
                .header("X-Requested-By", "console").header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
