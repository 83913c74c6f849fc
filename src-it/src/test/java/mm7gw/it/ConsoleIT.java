package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin console in a real browser (headless Chromium): login, VASP registration with a password shown once,
 * that VASP submitting over MM7, suspension, and finding the message in the traffic view. Saves screenshots of
 * the main pages to target/screenshots.
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

    @Test
    void vaspCredentialsDoNotOpenTheConsole() {
        Gateway.Vasp vasp = Gateway.newVasp();
        browser.login(vasp.login(), vasp.password());
        browser.visible(By.id("login-error"));
        assertTrue(browser.driver.findElements(By.id("signed-in-user")).isEmpty());
    }

    @Test
    void registerAVaspThatThenSubmitsAndIsSuspendedAndFoundInTraffic() throws Exception {
        browser.login(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD);
        browser.waitForText(By.id("signed-in-user"), Gateway.ADMIN_USER);
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

        // the new VASP submits over MM7 with those credentials
        Gateway.Vasp vasp = new Gateway.Vasp(vaspId, "news", vaspId, password);
        String tx = Gateway.unique("tx");
        HttpResponse<String> accepted = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>447700900555</Number></To>"));
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
        browser.click(By.id("vasp:confirm-yes"));
        browser.waitForText(By.id("vasp-status"), "SUSPENDED");
        HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900556</Number></To>"));
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
        browser.screenshot("dashboard");
    }

    @Test
    void aServiceLevelLimitChangedInTheConsoleIsEnforcedAndTheChargingCsvHasTheRows() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        browser.login(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD);
        browser.waitForText(By.id("signed-in-user"), Gateway.ADMIN_USER);

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

        browser.click(By.id("nav-directory"));
        browser.visible(By.id("directory:ranges"));
        browser.screenshot("directory");
    }
}
