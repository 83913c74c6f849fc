package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin console in a real browser (headless Chromium): login, VASP registration with a password shown once,
 * that VASP submitting over MM7, suspension, and finding the message in the traffic view; relay settings and the
 * connection test against a {@link TestVasp}; deactivating a service; deleting a VASP only without traffic. Saves
 * screenshots of the main pages to target/screenshots.
 */
class ConsoleIT {
    private Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed for the console tests: "
                + "apt-get install chromium chromium-driver (.ci/run does this)");
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWrongAdminPasswordIsRefused() throws Exception {
        browser.login(Gateway.ADMIN_USER, "not-the-password");
        browser.visible(By.id("login-error"));
        assertTrue(browser.driver.findElements(By.id("signed-in-user")).isEmpty(), "not signed in");
        browser.open("/admin/vasps.xhtml");
        browser.visible(By.id("j_username"));
        browser.screenshot("login-refused");
    }

    /** An administrator (added through the API) changes his own password on the account page. */
    @Test
    void anAdministratorChangesHisOwnPasswordInTheConsole() throws Exception {
        String login = Gateway.unique("it-console-adm");
        String first = "first-" + java.util.UUID.randomUUID();
        String second = "second-" + java.util.UUID.randomUUID();
        assertEquals(201, Gateway.admin("POST", "/api/administrators", jakarta.json.Json.createObjectBuilder()
                .add("username", login).add("password", first).build().toString()).statusCode());
        browser.login(login, first);
        browser.waitForText(By.id("signed-in-user"), login);
        browser.click(By.id("nav-account"));
        browser.type(By.id("account:currentPassword"), "not-" + first);
        browser.type(By.id("account:newPassword"), second);
        browser.type(By.id("account:repeatedPassword"), second);
        browser.click(By.id("account:changePassword"));
        browser.waitForText(By.id("growl_container"), "is not the password of");
        browser.dismissNotifications();
        browser.type(By.id("account:currentPassword"), first);
        browser.type(By.id("account:newPassword"), second);
        browser.type(By.id("account:repeatedPassword"), second);
        browser.click(By.id("account:changePassword"));
        browser.waitForText(By.id("growl_container"), "Password changed");
        browser.screenshot("account-password-changed");
        assertEquals(401, Gateway.adminAs(login, first, "GET", "/api/system", null).statusCode());
        assertEquals(200, Gateway.adminAs(login, second, "GET", "/api/system", null).statusCode());
    }

    @Test
    void vaspCredentialsDoNotOpenTheConsole() {
        Gateway.Vasp vasp = Gateway.newVasp();
        browser.login(vasp.login(), vasp.password());
        browser.visible(By.id("login-error"));
        assertTrue(browser.driver.findElements(By.id("signed-in-user")).isEmpty());
    }

    @Test
    void registerAVaspThatThenSubmitsAndIsSuspendedAndFoundInTraffic() throws Exception {
        browser.loginAsAdmin();
        browser.visible(By.id("submissions-chart"));

        // register a VASP; its password is generated and shown once
        String vaspId = Gateway.unique("ui");
        browser.click(By.id("nav-vasps"));
        browser.click(By.id("vasps:new"));
        browser.type(By.id("register:vaspId"), vaspId);
        browser.type(By.id("register:name"), "Console test VASP");
        browser.type(By.id("register:vasIds"), "news, weather");
        browser.click(By.id("register:create"));
        String password = browser.visible(By.id("issued-password")).getText().trim();
        assertEquals(20, password.length(), "generated password shown: '" + password + "'");
        browser.screenshot("vasp-password-once");
        browser.click(By.id("issued-form:done"));

        // the new VASP submits over MM7 with those credentials, over HTTPS (the default level requires TLS)
        Gateway.Vasp vasp = new Gateway.Vasp(vaspId, "news", vaspId, password);
        String tx = Gateway.unique("tx");
        HttpClient https = Tls.client(false);
        HttpResponse<String> accepted = Tls.post(https, Gateway.basic(vasp.login(), vasp.password()),
                Envelopes.submit(tx, vasp, "<To><Number>447700900555</Number></To>"));
        assertEquals("1000", mm7(xml(accepted.body()), "StatusCode"), accepted.body());
        String messageId = mm7(xml(accepted.body()), "MessageID");

        // suspend it in the console (with confirmation); its next submit is refused
        browser.type(By.id("vasps:query"), vaspId);
        browser.click(By.id("vasps:search"));
        browser.waitForText(By.id("vasps:table"), vaspId);
        browser.click(By.linkText(vaspId));
        browser.waitForText(By.id("vasp-status"), "ACTIVE");
        browser.screenshot("vasp");
        browser.click(By.id("vasp:suspend"));
        browser.confirm("vasp:confirm-yes");
        browser.waitForText(By.id("vasp-status"), "SUSPENDED");
        HttpResponse<String> refused = Tls.post(https, Gateway.basic(vasp.login(), vasp.password()),
                Envelopes.submit(Gateway.unique("tx"), vasp, "<To><Number>447700900556</Number></To>"));
        assertEquals("4007", mm7(xml(refused.body()), "StatusCode"), refused.body());

        // the accepted message is in the traffic view, with its recipient's state
        browser.click(By.id("nav-messages"));
        browser.type(By.id("search:messageId"), messageId);
        browser.click(By.id("search:find"));
        browser.waitForText(By.id("search:results"), messageId);
        browser.click(By.linkText(messageId));
        browser.waitForText(By.id("message-id"), messageId);
        browser.waitForText(By.id("recipients"), "447700900555");
        browser.screenshot("message");

        browser.click(By.id("nav-messages"));
        browser.type(By.id("search:vaspId"), vaspId);
        browser.click(By.id("search:find"));
        browser.waitForText(By.id("search:results"), messageId);
        browser.screenshot("traffic");

        // every change is in the audit log
        browser.click(By.id("nav-audit"));
        browser.waitForText(By.id("audit:entries"), "VASP_SUSPENDED");
        assertTrue(browser.driver.findElement(By.id("audit:entries")).getText().contains(vaspId));
        browser.screenshot("audit");

        browser.click(By.id("nav-dashboard"));
        browser.visible(By.id("submissions-chart"));
        assertFalse(browser.visible(By.id("kpi-submissions")).getText().equals("0"));
        // the live state: queue depths and dead letters are counts (not -1: the broker answered)
        for (String id : new String[] {"live-submissions", "live-fanout", "live-outbound", "live-dead-letters"}) {
            assertTrue(browser.visible(By.id(id)).getText().matches("\\d+"), id);
        }
        browser.visible(By.id("outbound-backlog"));
        browser.screenshot("dashboard");
    }

    @Test
    void aServiceLevelLimitChangedInTheConsoleIsEnforcedAndTheChargingCsvHasTheRows() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        browser.loginAsAdmin();

        browser.open("/admin/vasp.xhtml?vaspId=" + vasp.vaspId());
        browser.type(By.id("vasp:maxRecipients_input"), "1");
        browser.click(By.id("vasp:saveServiceLevel"));
        browser.waitForText(By.id("growl_container"), "Service level saved");
        browser.screenshot("vasp-service-level");

        String refusedTx = Gateway.unique("tx");
        HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.submit(refusedTx, vasp,
                "<To><Number>447700900601</Number><Number>447700900602</Number></To>"));
        assertEquals("3002", mm7(xml(refused.body()), "StatusCode"), refused.body());
        assertTrue(mm7(xml(refused.body()), "Details").contains("maximum of 1"), refused.body());
        HttpResponse<String> accepted = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900603</Number></To>"));
        assertEquals("1000", mm7(xml(accepted.body()), "StatusCode"), accepted.body());
        String messageId = mm7(xml(accepted.body()), "MessageID");
        Gateway.awaitMessage(messageId, m -> m.getString("state").equals("DISTRIBUTED"), java.time.Duration.ofSeconds(30));

        // the charging page shows the VASP's events and offers their CSV
        browser.click(By.id("nav-charging"));
        browser.type(By.id("charging:vaspId"), vasp.vaspId());
        browser.click(By.id("charging:show"));
        browser.waitForText(By.id("charging:events"), messageId);
        browser.screenshot("charging");
        String csvUrl = browser.driver.findElement(By.id("charging:csv")).getAttribute("href");
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> csv = Gateway.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(csvUrl))
                .header("Cookie", "JSESSIONID=" + session).GET().build());
        assertEquals(200, csv.statusCode(), csv.body());
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
        assertEquals(java.util.List.of("MM7_SUBMIT_REJECTED", "MM7_SUBMIT", "RECIPIENT_DELIVERY"),
                rows.stream().map(r -> r.get("recordType")).toList(), csv.body());
        assertTrue(rows.stream().allMatch(r -> r.get("vaspId").equals(vasp.vaspId())));
        assertEquals(messageId, rows.get(1).get("messageId"));
        assertEquals("447700900603", rows.get(2).get("recipient"));

        // the CDR files: close the open one, then download the newest closed file through the console's link
        browser.click(By.id("charging:closeFile"));
        browser.waitForText(By.id("growl_container"), "CDR file");
        browser.waitForText(By.id("charging:cdrFiles"), ".cdr");
        browser.screenshot("charging-cdr-files");
        String fileUrl = browser.driver.findElement(By.cssSelector("[id='charging:cdrFiles'] a[href*='/cdr-files/']"))
                .getAttribute("href");
        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fileUrl)).header("Cookie", "JSESSIONID=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals(file.body().length, java.nio.ByteBuffer.wrap(file.body()).getInt(0), "a CDR file: its length field");

        browser.click(By.id("nav-directory"));
        browser.visible(By.id("directory:ranges"));
        browser.screenshot("directory");

        browser.click(By.id("nav-dead-letters"));
        browser.visible(By.id("dlq:entries"));
        browser.screenshot("dead-letters");
    }

    @Test
    void relaySettingsEditedInTheConsoleAreStoredAndTheConnectionTestShowsWhatHappened() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        String login = "gw-" + vasp.vaspId();
        String password = "out-" + Gateway.unique("pw");
        String shortCode = "8" + (System.nanoTime() % 100_000_000L);
        try (TestVasp endpoint = TestVasp.start()) {
            endpoint.requireCredentials(login, password);
            browser.loginAsAdmin();
            browser.open("/admin/vasp.xhtml?vaspId=" + vasp.vaspId());
            browser.visible(By.id("vasp:relay-panel"));
            assertFalse(browser.driver.findElement(By.id("vasp:testConnection")).isEnabled(), "nothing to test yet");

            // the EJB layer's validation message is shown
            browser.type(By.id("vasp:relayUrl"), "ftp://vasp.example/mm7");
            browser.click(By.id("vasp:saveRelay"));
            browser.waitForText(By.id("growl_container"), "url must be an absolute http or https URL");
            assertEquals(404, Gateway.admin("GET", "/api/relay/vasps/" + vasp.vaspId(), null).statusCode());

            browser.type(By.id("vasp:relayUrl"), endpoint.url().toString());
            browser.select("vasp:relayRelease", "REL-5-MM7-1-2");
            browser.type(By.id("vasp:relayLogin"), login);
            browser.type(By.name("vasp:relayPassword"), password);
            browser.type(By.id("vasp:relayTimeout_input"), "5000");
            browser.type(By.id("vasp:relayShortCodes"), shortCode);
            // the test VASP runs on plain http: its credentials are refused until allowed for this VASP
            browser.click(By.id("vasp:saveRelay"));
            browser.waitForText(By.id("growl_container"), "outbound credentials over plain http are refused");
            assertEquals(404, Gateway.admin("GET", "/api/relay/vasps/" + vasp.vaspId(), null).statusCode());
            browser.dismissNotifications();
            browser.type(By.name("vasp:relayPassword"), password);
            browser.click(By.cssSelector("[id='vasp:relayPlainHttpCredentials'] .ui-chkbox-box"));
            browser.click(By.id("vasp:saveRelay"));
            JsonObject stored = awaitRelay(vasp.vaspId(), r -> r.getString("url").equals(endpoint.url().toString()));
            assertEquals("REL-5-MM7-1-2", stored.getString("mm7Release"));
            assertEquals(login, stored.getString("login"));
            assertTrue(stored.getBoolean("passwordSet"));
            assertEquals(5000, stored.getInt("timeoutMillis"));
            assertTrue(stored.getBoolean("plainHttpCredentialsAllowed"));
            assertEquals(List.of(shortCode), stored.getJsonArray("shortCodes").getValuesAs(JsonString::getString));
            assertFalse(stored.toString().contains(password), "the outbound password is never shown");
            browser.waitForText(By.id("growl_container"), "Relay settings saved");
            assertEquals("", browser.driver.findElement(By.name("vasp:relayPassword")).getAttribute("value"));
            assertFalse(browser.driver.getPageSource().contains(password), "nor sent back to the browser");

            // test connection: reachable, credentials accepted, no MM7 request sent
            browser.click(By.id("vasp:testConnection"));
            browser.waitForText(By.id("probe-verdict"), "Connection OK");
            assertEquals("yes", browser.driver.findElement(By.id("probe-reachable")).getText());
            assertTrue(browser.driver.findElement(By.id("probe-status")).getText().startsWith("405"));
            assertEquals("ACCEPTED", browser.driver.findElement(By.id("probe-credentials")).getText());
            assertTrue(browser.driver.findElement(By.id("probe-latency")).getText().endsWith(" ms"));
            TestVasp.Request probe = endpoint.received().get(endpoint.received().size() - 1);
            assertEquals("HEAD", probe.method());
            assertEquals(Gateway.basic(login, password), probe.authorization());
            browser.dismissNotifications();
            browser.scrollTo(By.id("vasp:relay-panel"));
            browser.screenshot("vasp-relay");

            // the VASP no longer accepts these credentials
            endpoint.requireCredentials(login, "another-password");
            browser.click(By.id("vasp:testConnection"));
            browser.waitForText(By.id("probe-verdict"), "Connection failed");
            assertTrue(browser.driver.findElement(By.id("probe-status")).getText().startsWith("401"));
            assertEquals("REFUSED", browser.driver.findElement(By.id("probe-credentials")).getText());
            browser.dismissNotifications();
            browser.scrollTo(By.id("vasp:relay-panel"));
            browser.screenshot("vasp-relay-refused");

            // nothing listens at the URL (the stored password is kept: same login, empty field)
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            String closedUrl = "http://127.0.0.1:" + closed + "/mm7";
            browser.type(By.id("vasp:relayUrl"), closedUrl);
            browser.click(By.id("vasp:saveRelay"));
            assertTrue(awaitRelay(vasp.vaspId(), r -> r.getString("url").equals(closedUrl)).getBoolean("passwordSet"));
            browser.click(By.id("vasp:testConnection"));
            browser.waitForText(By.id("probe-summary"), "Not reachable");
            assertEquals("no", browser.driver.findElement(By.id("probe-reachable")).getText());
            browser.dismissNotifications();
            browser.scrollTo(By.id("vasp:relay-panel"));
            browser.screenshot("vasp-relay-unreachable");

            // the gateway's own TLS client certificate is shown; it is presented over https only
            assertTrue(browser.driver.findElement(By.id("relayGatewayCertificate")).getText()
                    .contains("CN=mm7-gateway-relay-client"), "the test server's client key store is shown");
            browser.dismissNotifications();
            browser.click(By.cssSelector("[id='vasp:relayClientCertificate'] .ui-chkbox-box"));
            browser.click(By.id("vasp:saveRelay"));
            browser.waitForText(By.id("growl_container"), "clientCertificate needs an https url");
            assertFalse(((JsonObject) Gateway.adminJson("/api/relay/vasps/" + vasp.vaspId()))
                    .getBoolean("clientCertificate"));
        }
    }

    @Test
    void aVaspIsRenamedAndADeactivatedServiceIsRefusedAndServedAgainOnceReactivated() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        browser.loginAsAdmin();
        browser.open("/admin/vasp.xhtml?vaspId=" + vasp.vaspId());
        browser.waitForText(By.id("vasp:services"), vasp.vasId());

        // the display name can be edited (an empty one is refused)
        browser.type(By.id("vasp:name"), " ");
        browser.click(By.id("vasp:rename"));
        browser.waitForText(By.id("growl_container"), "the name must not be empty");
        browser.type(By.id("vasp:name"), "Renamed in the console");
        browser.click(By.id("vasp:rename"));
        browser.waitForText(By.id("growl_container"), "Name changed");
        assertEquals("Renamed in the console", ((JsonObject) Gateway.adminJson("/api/vasps/" + vasp.vaspId()))
                .getString("name"));

        browser.click(By.id("vasp:services:0:deactivate"));
        browser.awaitConfirmation("vasp:confirm-yes");
        browser.screenshot("vasp-service-deactivate-confirm");
        browser.confirm("vasp:confirm-yes");
        browser.waitForText(By.id("vasp:services"), "deactivated");
        browser.visible(By.id("vasp:services:0:activate"));
        browser.screenshot("vasp-service-deactivated");
        HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900611</Number></To>"));
        assertEquals("4007", mm7(xml(refused.body()), "StatusCode"), refused.body());
        assertTrue(mm7(xml(refused.body()), "Details").contains("not active"), refused.body());

        browser.click(By.id("vasp:services:0:activate"));
        browser.visible(By.id("vasp:services:0:deactivate"));
        HttpResponse<String> accepted = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900612</Number></To>"));
        assertEquals("1000", mm7(xml(accepted.body()), "StatusCode"), accepted.body());

        browser.click(By.id("nav-audit"));
        browser.waitForText(By.id("audit:entries"), "VAS_ACTIVATED");
        String audit = browser.driver.findElement(By.id("audit:entries")).getText();
        assertTrue(audit.contains("VAS_DEACTIVATED") && audit.contains(vasp.vaspId() + "/" + vasp.vasId()), audit);
        assertTrue(audit.contains("VASP_RENAMED"), audit);
    }

    @Test
    void aVaspWithTrafficIsNotDeletedAndOneWithoutIsDeletedAndGoneFromTheList() throws Exception {
        Gateway.Vasp busy = Gateway.newVasp();
        HttpResponse<String> accepted = Gateway.postSoap(busy, Envelopes.submit(Gateway.unique("tx"), busy,
                "<To><Number>447700900621</Number></To>"));
        assertEquals("1000", mm7(xml(accepted.body()), "StatusCode"), accepted.body());
        Gateway.Vasp idle = Gateway.newVasp();
        String shortCode = "9" + (System.nanoTime() % 100_000_000L);
        JsonObject relay = Json.createObjectBuilder().add("url", "http://127.0.0.1:9/mm7")
                .add("shortCodes", Json.createArrayBuilder().add(shortCode)).build();
        assertEquals(200, Gateway.admin("PUT", "/api/relay/vasps/" + idle.vaspId(), relay.toString()).statusCode());

        browser.loginAsAdmin();
        browser.open("/admin/vasp.xhtml?vaspId=" + busy.vaspId());
        browser.waitForText(By.id("vasp-status"), "ACTIVE");
        browser.click(By.id("vasp:delete"));
        browser.awaitConfirmation("vasp:confirm-yes");
        browser.screenshot("vasp-delete-confirm");
        browser.confirm("vasp:confirm-yes");
        // the kinds of traffic in the order of their names; the delivery's charging event may or may not be there yet
        browser.waitForText(By.id("growl_container"), "has traffic (charging events: ");
        String refusal = browser.driver.findElement(By.id("growl_container")).getText();
        assertTrue(refusal.contains(", messages: 1)"), refusal);
        browser.screenshot("vasp-delete-refused");
        assertEquals(busy.vaspId(), browser.driver.findElement(By.id("vasp-id")).getText());
        assertEquals(200, Gateway.admin("GET", "/api/vasps/" + busy.vaspId(), null).statusCode());
        assertEquals(409, Gateway.admin("DELETE", "/api/vasps/" + busy.vaspId(), null).statusCode());

        browser.open("/admin/vasp.xhtml?vaspId=" + idle.vaspId());
        browser.waitForText(By.id("vasp-status"), "ACTIVE");
        browser.click(By.id("vasp:delete"));
        browser.confirm("vasp:confirm-yes");
        browser.waitForText(By.id("growl_container"), "VASP deleted");
        browser.visible(By.id("vasps:table"));
        browser.type(By.id("vasps:query"), idle.vaspId());
        browser.click(By.id("vasps:search"));
        browser.waitForText(By.id("vasps:table"), "No VASP matches");
        browser.screenshot("vasps-after-delete");
        assertEquals(404, Gateway.admin("GET", "/api/vasps/" + idle.vaspId(), null).statusCode());
        assertEquals(404, Gateway.admin("GET", "/api/relay/vasps/" + idle.vaspId(), null).statusCode());
        assertEquals(401, Gateway.postSoap(idle, Envelopes.submit(Gateway.unique("tx"), idle,
                "<To><Number>447700900622</Number></To>")).statusCode(), "its account is gone");
        assertEquals(200, Gateway.admin("PUT", "/api/relay/vasps/" + busy.vaspId(), relay.toString()).statusCode(),
                "the deleted VASP's short code is free again");

        browser.click(By.id("nav-audit"));
        browser.waitForText(By.id("audit:entries"), "VASP_DELETED");
        assertTrue(browser.driver.findElement(By.id("audit:entries")).getText().contains(idle.vaspId()));
    }

    private static JsonObject awaitRelay(String vaspId, java.util.function.Predicate<JsonObject> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> r = Gateway.admin("GET", "/api/relay/vasps/" + vaspId, null);
            if (r.statusCode() == 200) {
                JsonObject o = Json.createReader(new java.io.StringReader(r.body())).readObject();
                if (condition.test(o)) {
                    return o;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("relay settings of " + vaspId + " not as expected: " + r.statusCode() + " "
                        + r.body());
            }
            Thread.sleep(200);
        }
    }
}
