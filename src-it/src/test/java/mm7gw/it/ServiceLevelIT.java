package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix for MM7_submit: identification failures and every service-level term, each exceeded
 * by one step (and met exactly, so the limit is shown to be the cause), each with its exact status, nothing
 * stored and an audit record the admin can read.
 */
class ServiceLevelIT {
    private static final String TWO = "<To><Number>447700901001</Number><Number>447700901002</Number></To>";
    private static final String THREE = "<To><Number>447700901001</Number><Number>447700901002</Number>"
            + "<Number>447700901003</Number></To>";

    /** Sends the standard submit (sender 4455, expiry P1D, delivery report, priority High), edited. */
    private static Outcome submit(Gateway.Vasp vasp, String recipients, UnaryOperator<String> edit) {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, edit.apply(Envelopes.submit(tx, vasp, recipients)));
        return new Outcome(vasp, tx, r);
    }

    private static Outcome submit(Gateway.Vasp vasp, String recipients) {
        return submit(vasp, recipients, UnaryOperator.identity());
    }

    record Outcome(Gateway.Vasp vasp, String tx, HttpResponse<String> response) {
        String status() {
            return mm7(xml(response.body()), "StatusCode");
        }

        String details() {
            return mm7(xml(response.body()), "Details");
        }

        /** A SubmitRsp (HTTP 200) with that status, nothing stored, and the refusal audited. */
        Outcome refusedInResponse(String status, String detailsMention) {
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("SubmitRsp"), response.body());
            return refused(status, detailsMention);
        }

        /** An RSErrorRsp fault, nothing stored, and the refusal audited. */
        Outcome refusedAsFault(String status, String faultCode, String detailsMention) {
            SubmitRefusalIT.assertRsError(response, status, faultCode);
            return refused(status, detailsMention);
        }

        private Outcome refused(String status, String detailsMention) {
            assertEquals(status, status(), response.body());
            assertTrue(details() != null && details().contains(detailsMention),
                    "Details should mention '" + detailsMention + "': " + response.body());
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), "nothing stored");
            JsonObject audited = ServiceLevels.refusals(vasp.vaspId()).stream().map(JsonObject.class::cast)
                    .filter(a -> tx.equals(a.getString("transactionId", null))).findFirst()
                    .orElseThrow(() -> new AssertionError("refusal of " + tx + " not audited"));
            assertEquals(Integer.parseInt(status), audited.getInt("statusCode"));
            assertEquals("SUBMIT", audited.getString("operation"));
            assertEquals("127.0.0.1", audited.getString("clientAddress"));
            assertEquals(details(), audited.getString("details"));
            return this;
        }

        void accepted() {
            assertEquals("1000", status(), response.body());
            assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        }
    }

    @Test
    void aNewVaspGetsTheDefaultServiceLevel() {
        Gateway.Vasp vasp = Gateway.registerVasp();
        JsonObject level = ServiceLevels.of(vasp.vaspId());
        assertEquals("VASP", level.getString("appliesTo"));
        assertEquals(ServiceLevels.list("CANCEL", "REPLACE", "SUBMIT"), level.getJsonArray("allowedOperations"));
        assertEquals(ServiceLevels.list("BASIC"), level.getJsonArray("authMechanisms"));
        assertEquals(100, level.getInt("maxRecipients"));
        assertEquals(1048576, level.getInt("maxMessageSize"));
        assertEquals("PT168H", level.getString("maxExpiry"));
        assertEquals(true, level.getBoolean("tlsRequired"), "no Basic over plain HTTP by default");
        assertEquals(100, level.getInt("maxSubmissionsPerSecond"));
        assertEquals(10000, level.getInt("maxRecipientsPerSecond"));
        // over plain HTTP (which the test server allows) the login is refused before the password is checked
        // (WildFly: the realm; Payara: GatewayAuthModule)
        String tx = Gateway.unique("tx");
        assertEquals(401, Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, TWO)).statusCode());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        HttpResponse<String> r = Tls.post(Tls.client(false), Gateway.basic(vasp.login(), vasp.password()),
                Envelopes.submit(Gateway.unique("tx"), vasp, TWO));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    @Test
    void unknownVasIdIsImproperIdentificationAndAudited() {
        Gateway.Vasp vasp = Gateway.newVasp();
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp.vaspId(), "no-such-vas", "svc", TWO));
        new Outcome(vasp, tx, r).refusedAsFault("4001", "Client", "no-such-vas");
    }

    /** The standard submit without its VASID element. */
    private static String withoutVasId(Gateway.Vasp vasp, String envelope) {
        String element = "<VASID>" + vasp.vasId() + "</VASID>";
        assertTrue(envelope.contains(element), envelope);
        return envelope.replace(element, "");
    }

    @Test
    void aRequestWithoutVasIdOfAVaspWithServicesIsImproperIdentification() {
        Gateway.Vasp vasp = Gateway.newVasp();
        // the service's own, tighter level and a deactivated service must not be escaped by leaving VASID out
        ServiceLevels.changeOfService(vasp.vaspId(), vasp.vasId(), b -> b.add("maxRecipients", 1));
        submit(vasp, TWO, e -> withoutVasId(vasp, e)).refusedAsFault("4001", "Client", "VASID");
        assertEquals(false, ServiceLevels.of(vasp.vaspId()).getBoolean("vasIdOptional"), "required by default");
    }

    @Test
    void theVaspsLevelMayAllowRequestsWithoutVasId() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertEquals(true, ServiceLevels.change(vasp.vaspId(), b -> b.add("vasIdOptional", true))
                .getBoolean("vasIdOptional"));
        submit(vasp, TWO, e -> withoutVasId(vasp, e)).accepted();
        // a service's own level cannot allow it: the request names no service
        ServiceLevels.change(vasp.vaspId(), b -> b.add("vasIdOptional", false));
        ServiceLevels.changeOfService(vasp.vaspId(), vasp.vasId(), b -> b.add("vasIdOptional", true));
        submit(vasp, TWO, e -> withoutVasId(vasp, e)).refusedAsFault("4001", "Client", "VASID");
        submit(vasp, TWO).accepted();
    }

    @Test
    void aSuspendedVaspsRefusalIsAudited() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertEquals(200, Gateway.admin("POST", "/api/vasps/" + vasp.vaspId() + "/suspend", null).statusCode());
        submit(vasp, TWO).refusedAsFault("4007", "Client", "suspended");
    }

    @Test
    void anOperationTheLevelDoesNotAllowIsOperationRestricted() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedOperations", ServiceLevels.list("CANCEL", "REPLACE")));
        submit(vasp, TWO).refusedInResponse("2001", "SUBMIT");
    }

    @Test
    void oneRecipientTooMany() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("maxRecipients", 2));
        submit(vasp, THREE).refusedInResponse("3002", "maximum of 2");
        submit(vasp, TWO).accepted();
    }

    @Test
    void aSenderOutsideTheAllowedList() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedSenders", ServiceLevels.list("4456", "+447700900123")));
        submit(vasp, TWO).refusedInResponse("2001", "'4455'");
        submit(vasp, TWO, e -> e.replace("<ShortCode>4455</ShortCode>", "<ShortCode>4456</ShortCode>")).accepted();
        submit(vasp, TWO, e -> e.replace("<ShortCode>4455</ShortCode>", "<Number>447700900123</Number>")).accepted();
    }

    @Test
    void aPriorityTheLevelDoesNotAllow() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedPriorities", ServiceLevels.list("Normal", "LOW")));
        submit(vasp, TWO).refusedInResponse("3002", "Priority HIGH");
        submit(vasp, TWO, e -> e.replace("<Priority>High</Priority>", "<Priority>Low</Priority>")).accepted();
    }

    @Test
    void aChargedPartyTheLevelDoesNotAllow() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedChargedParties", ServiceLevels.list("SENDER")));
        submit(vasp, TWO, e -> e.replace("</Subject>", "</Subject><ChargedParty>Recipient</ChargedParty>"))
                .refusedInResponse("3002", "ChargedParty RECIPIENT");
        submit(vasp, TWO, e -> e.replace("</Subject>", "</Subject><ChargedParty>Sender</ChargedParty>")).accepted();
    }

    @Test
    void anExpiryBeyondTheMaximum() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("maxExpiry", "PT1H"));
        submit(vasp, TWO).refusedInResponse("3002", "maximum expiry of PT1H");
        submit(vasp, TWO, e -> e.replace("<ExpiryDate>P1D</ExpiryDate>", "<ExpiryDate>PT3602S</ExpiryDate>"))
                .refusedInResponse("3002", "maximum expiry");
        submit(vasp, TWO, e -> e.replace("<ExpiryDate>P1D</ExpiryDate>", "<ExpiryDate>PT3590S</ExpiryDate>")).accepted();
    }

    @Test
    void reportsTheLevelDoesNotAllow() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("deliveryReportAllowed", false).add("readReplyAllowed", false));
        submit(vasp, TWO).refusedInResponse("3002", "DeliveryReport");
        UnaryOperator<String> noReport = e -> e.replace("<DeliveryReport>true</DeliveryReport>", "");
        submit(vasp, TWO, e -> noReport.apply(e).replace("<Priority>", "<ReadReply>true</ReadReply><Priority>"))
                .refusedInResponse("3002", "ReadReply");
        submit(vasp, TWO, noReport).accepted();
    }

    @Test
    void plainHttpWhereTlsIsRequired() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("tlsRequired", true));
        // the VASP-wide level's requirement is applied before the password is checked: no login
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, TWO));
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        // a service's own level that requires TLS is the application's check, after the login
        ServiceLevels.change(vasp.vaspId(), b -> b.add("tlsRequired", false));
        ServiceLevels.changeOfService(vasp.vaspId(), vasp.vasId(), b -> b.add("tlsRequired", true));
        Outcome o = submit(vasp, TWO).refusedAsFault("4007", "Client", "requires TLS");
        assertEquals(false, ServiceLevels.refusals(vasp.vaspId()).getJsonObject(0).getBoolean("tls"), o.tx());
    }

    @Test
    void aClientAddressOutsideTheAllowedNetworks() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedClientNetworks", ServiceLevels.list("192.0.2.0/24", "::2/128")));
        // the VASP-wide list is applied before the password is checked: no login at all
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, TWO));
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedClientNetworks", ServiceLevels.list("192.0.2.0/24", "127.0.0.0/8")));
        submit(vasp, TWO).accepted();
        // a service's own, narrower list is the application's check, after the login
        ServiceLevels.changeOfService(vasp.vaspId(), vasp.vasId(),
                b -> b.add("allowedClientNetworks", ServiceLevels.list("192.0.2.0/24")));
        submit(vasp, TWO).refusedAsFault("4007", "Client", "127.0.0.1");
    }

    @Test
    void anAuthenticationMechanismTheLevelDoesNotAllow() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("authMechanisms", ServiceLevels.list("CLIENT_CERT")));
        submit(vasp, TWO).refusedAsFault("4007", "Client", "BASIC");
    }

    @Test
    void aServiceLevelOfTheServiceReplacesTheVaspsLevel() {
        Gateway.Vasp vasp = Gateway.newVasp();
        JsonObject own = ServiceLevels.changeOfService(vasp.vaspId(), vasp.vasId(), b -> b.add("maxRecipients", 2));
        assertEquals("VAS " + vasp.vasId(), own.getString("appliesTo"));
        submit(vasp, THREE).refusedInResponse("3002", "maximum of 2");
        assertEquals(200, Gateway.admin("DELETE", "/api/vasps/" + vasp.vaspId() + "/services/" + vasp.vasId()
                + "/service-level", null).statusCode());
        submit(vasp, THREE).accepted();
    }

    @Test
    void tooManySubmissionsPerSecondIsServiceUnavailable() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("maxSubmissionsPerSecond", 1));
        assertRateLimited(vasp, TWO, "1 submissions per second");
    }

    @Test
    void tooManyRecipientsPerSecondIsServiceUnavailable() {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.change(vasp.vaspId(), b -> b.add("maxRecipientsPerSecond", 3));
        assertRateLimited(vasp, TWO, "3 recipients per second");
    }

    /** Sends until refused; within one second at most one request (two recipients) fits the limit. */
    private static void assertRateLimited(Gateway.Vasp vasp, String recipients, String limit) {
        int accepted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            Outcome o = submit(vasp, recipients);
            if ("1000".equals(o.status())) {
                o.accepted();
                accepted++;
                continue;
            }
            o.refusedAsFault("4006", "Server", limit);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
            assertTrue(accepted <= seconds + 1, accepted + " accepted within " + seconds + " s");
            return;
        }
        throw new AssertionError("6 requests in a row were all accepted (" + accepted + ")");
    }

    @Test
    void theAdminApiValidatesServiceLevels() {
        Gateway.Vasp vasp = Gateway.newVasp();
        String path = "/api/vasps/" + vasp.vaspId() + "/service-level";
        JsonObject level = ServiceLevels.of(vasp.vaspId());
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level).add("maxRecipients", 0).build(), "maxRecipients");
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level)
                .add("allowedClientNetworks", ServiceLevels.list("10.0.0.0/33")).build(), "10.0.0.0/33");
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level)
                .add("allowedPriorities", ServiceLevels.list("URGENT")).build(), "URGENT");
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level).add("maxExpiry", "a week").build(), "maxExpiry");
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level)
                .add("authMechanisms", ServiceLevels.list()).build(), "authMechanisms");
        assertInvalid(path, jakarta.json.Json.createObjectBuilder(level).remove("allowedOperations").build(),
                "allowedOperations");
        assertEquals(level, ServiceLevels.of(vasp.vaspId()), "a refused change changes nothing");
        assertEquals(404, Gateway.admin("GET", "/api/vasps/no-such-vasp/service-level", null).statusCode());
        assertEquals(404, Gateway.admin("GET", "/api/vasps/" + vasp.vaspId() + "/services/nope/service-level", null)
                .statusCode());
        assertEquals(404, Gateway.admin("DELETE", "/api/vasps/" + vasp.vaspId() + "/services/" + vasp.vasId()
                + "/service-level", null).statusCode(), "the service has no level of its own");
    }

    private static void assertInvalid(String path, JsonObject body, String mention) {
        HttpResponse<String> r = Gateway.admin("PUT", path, body.toString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\"") && r.body().contains(mention), r.body());
    }
}
