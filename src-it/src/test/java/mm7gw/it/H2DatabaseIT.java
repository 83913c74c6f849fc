package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gateway on Payara with H2, as the run command uses it: {@code payara.sh database} with {@code DB_URL=h2} moves
 * the running test domain's gateway to the embedded H2 file {@code <domain>/mm7-h2/gateway} (Payara's bundled H2, in
 * the domain's JVM), where it migrates the new database as it loads; a submit through SOAP is distributed to both
 * recipients and charged (the submit and both deliveries, numbered, on the billing topic). The domain then goes back
 * to the suite's PostgreSQL database, also when the test fails, without a restart of the domain and without emptying
 * that database (mm7.schema.clean off meanwhile; the CDR files of the H2 database in target/h2-cdr, apart from the
 * suite's). Payara only: WildFly's suite runs on H2 itself where PostgreSQL is missing.
 */
class H2DatabaseIT {

    @Test
    void theGatewayOnPayaraRunsOnTheDomainsEmbeddedH2() throws Exception {
        assumeFalse(Gateway.ON_WILDFLY, "Payara (WildFly's suite runs on H2 where PostgreSQL is missing)");
        PayaraDomain domain = PayaraDomain.get();
        String suiteUrl = domain.databaseUrl();
        assertTrue(suiteUrl.startsWith("jdbc:postgresql:"), "the suite's domain is on PostgreSQL: " + suiteUrl);
        // the suite's database is not emptied when the gateway comes back to it, and the CDR files written on H2 go
        // to a directory of their own (the suite's files continue the suite's database's numbers)
        Map<String, String> before = new HashMap<>();
        for (String name : List.of("mm7.schema.clean", "mm7.cdr.dir")) {
            before.put(name, domain.systemProperty(name));
        }
        // the suite's database serves the test addresses before the move (Gateway does it once per test JVM)
        Gateway.serveTestAddresses();
        File cdr = new File(System.getProperty("user.dir"), "target/h2-cdr");
        deleteTree(cdr);
        File h2 = new File(domain.directory(), "mm7-h2");
        deleteTree(h2); // the database a fresh run command starts with
        domain.setSystemProperty("mm7.schema.clean", "false");
        domain.setSystemProperty("mm7.cdr.dir", cdr.getAbsolutePath());
        boolean back = false;
        try {
            long moved = domain.moveDatabase("h2", Duration.ofMinutes(5), "payara-h2.log");
            System.out.println("H2DatabaseIT: the gateway answered on H2 " + moved + " ms after payara.sh database");
            assertTrue(domain.databaseUrl().startsWith("jdbc:h2:"), domain.databaseUrl());
            assertTrue(new File(h2, "gateway.mv.db").isFile(), "the H2 file in " + h2);

            String messageId = submittedDistributedAndCharged();

            restore(domain, "mm7.cdr.dir", before.get("mm7.cdr.dir"));
            domain.moveDatabase(suiteUrl, Duration.ofMinutes(5), "payara-h2-back.log");
            back = true;
            assertEquals(suiteUrl, domain.databaseUrl());
            assertEquals(404, Gateway.admin("GET", "/api/messages/" + messageId, null).statusCode(),
                    "the message was H2's, not in the suite's database");
        } finally {
            if (!back) {
                restore(domain, "mm7.cdr.dir", before.get("mm7.cdr.dir"));
                domain.moveDatabase(suiteUrl, Duration.ofMinutes(5), "payara-h2-back.log");
            }
            for (Map.Entry<String, String> p : before.entrySet()) {
                restore(domain, p.getKey(), p.getValue());
            }
        }
    }

    /** @return the MessageID of a submit to two recipients that was distributed and charged on the current database */
    private static String submittedDistributedAndCharged() throws Exception {
        // a new database: the test range is served there too (Gateway remembers having served it in the suite's)
        Gateway.serveRange(Gateway.TEST_RANGE, true);
        Gateway.Vasp vasp = Gateway.newVasp();
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                    "<To><Number>447700900401</Number></To><Cc><Number>447700900402</Number></Cc>"));
            String messageId = Gateway.accepted(r);
            Gateway.awaitMessage(messageId, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(60));
            JsonObject counts = Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 2,
                    Duration.ofSeconds(60));
            assertEquals(2, Gateway.inState(counts, "DELIVERED"), counts.toString());

            List<JsonObject> events = Gateway.chargingEvents(messageId).stream().map(v -> v.asJsonObject()).toList();
            assertEquals(List.of("MM7_SUBMIT", "RECIPIENT_DELIVERY", "RECIPIENT_DELIVERY"),
                    events.stream().map(e -> e.getString("recordType")).sorted().toList(), events.toString());
            assertTrue(events.stream().allMatch(e -> e.get("sequenceNumber").getValueType()
                    == jakarta.json.JsonValue.ValueType.NUMBER), "numbered by the node's sequencer: " + events);
            Set<String> published = topic.receive(3, Duration.ofSeconds(30)).stream()
                    .map(e -> e.getJsonNumber("eventId").toString()).collect(Collectors.toSet());
            assertEquals(events.stream().map(e -> e.getJsonNumber("eventId").toString()).collect(Collectors.toSet()),
                    published, "each event on the billing topic");
            assertEquals("1000", mm7(xml(r.body()), "StatusCode"));
            return messageId;
        }
    }

    /** Sets the running domain's system property back to its value before the test (null: it had none). */
    private static void restore(PayaraDomain domain, String name, String value) throws Exception {
        if (value != null) {
            domain.setSystemProperty(name, value);
        } else if (domain.systemProperty(name) != null) {
            domain.removeSystemProperty(name);
        }
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
