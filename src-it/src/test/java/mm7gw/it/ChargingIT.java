package mm7gw.it;

import static mm7gw.it.Billing.string;
import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Charging end to end: the events of accepted and refused submits and of each recipient's delivery, with their
 * fields; the ServiceCode byte for byte through SOAP, database, topic JSON and CSV; rollback of a failed
 * transaction; a 1,000-recipient mass distribution; gap-free sequence numbers; every event on the topic once.
 */
class ChargingIT {
    /** as the VASP writes it in the SOAP body: spaces (leading, trailing, double), a tab, non-ASCII, escapes */
    static final String SERVICE_CODE_XML = "  Wetter \u00fc \u20ac \u5929\u6c17 &amp; &lt;b&gt; &#x20AC;&#9;x  y  ";
    /** what the gateway must store and pass on: the same characters, escapes resolved, nothing trimmed */
    static final String SERVICE_CODE = "  Wetter \u00fc \u20ac \u5929\u6c17 & <b> \u20ac\tx  y  ";
    static final Set<String> FIELDS = Set.of("eventId", "writer", "sequenceNumber", "recordType", "cdrName",
            "occurredAt", "vaspId", "vasId", "messageId", "linkedId", "sender", "recipient", "recipientCount",
            "messageSize", "contentType", "statusCode", "result", "details", "chargedParty", "priority",
            "messageClass", "serviceCode", "recordName", "requestStatusCode", "senderType", "recipientType",
            "recipientKind", "recipients", "submissionTime", "expiryTime", "earliestDeliveryTime",
            "deliveryReportRequested", "readReplyRequested", "replyCharging", "replyDeadline", "replyChargingSize",
            "distributionIndicator", "chargedPartyId", "mmStatus", "mmStatusTime", "applicId", "replyApplicId",
            "auxApplicInfo", "replyChargingId");

    @Test
    void anAcceptedSubmitAndEachDeliveryAreChargedWithTheServiceCodeVerbatimEverywhere() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(1);
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            String tx = Gateway.unique("tx");
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp.vaspId(), vasp.vasId(),
                    SERVICE_CODE_XML, "<To><Number>447700900301</Number></To><Cc><Number>447700900302</Number></Cc>"));
            assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
            String messageId = mm7(xml(r.body()), "MessageID");
            Gateway.awaitMessage(messageId, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(30));

            List<JsonObject> events = Gateway.chargingEvents(messageId).stream().map(v -> v.asJsonObject()).toList();
            assertEquals(3, events.size(), events.toString());
            JsonObject submit = only(events, "MM7_SUBMIT");
            assertEquals(vasp.vaspId(), submit.getString("vaspId"));
            assertEquals(vasp.vasId(), submit.getString("vasId"));
            assertEquals(messageId, submit.getString("messageId"));
            assertEquals("4455", submit.getString("sender"));
            assertNull(string(submit, "recipient"));
            assertEquals(2, submit.getInt("recipientCount"));
            assertEquals(1000, submit.getInt("statusCode"));
            assertEquals("ACCEPTED", submit.getString("result"));
            assertEquals("HIGH", submit.getString("priority"));
            assertEquals("INFORMATIONAL", submit.getString("messageClass"));
            assertEquals(SERVICE_CODE, submit.getString("serviceCode"));
            assertNotNull(submit.getString("writer"));
            assertEquals("MM7SRecord", submit.getString("recordName"));
            assertEquals("SHORT_CODE", submit.getString("senderType"));
            assertEquals("to:number:447700900301 cc:number:447700900302", submit.getString("recipients"));
            assertTrue(submit.getBoolean("deliveryReportRequested"));
            List<JsonObject> deliveries = events.stream().filter(e -> e.getString("recordType").equals("RECIPIENT_DELIVERY")).toList();
            assertEquals(Set.of("447700900301", "447700900302"),
                    deliveries.stream().map(e -> e.getString("recipient")).collect(Collectors.toSet()));
            for (JsonObject d : deliveries) {
                assertEquals("DELIVERED", d.getString("result"));
                assertEquals(messageId, d.getString("messageId"));
                assertEquals(SERVICE_CODE, d.getString("serviceCode"));
                assertEquals(vasp.vaspId(), d.getString("vaspId"));
                if (d.getString("writer").equals(submit.getString("writer"))) {
                    // a node numbers its events in the order they were written: the submit's before its deliveries'
                    assertTrue(d.getJsonNumber("sequenceNumber").longValue() > submit.getJsonNumber("sequenceNumber").longValue(),
                            "a delivery commits after its submit");
                }
            }

            // the topic: every event once, with the same fields and values as stored
            List<JsonObject> published = topic.receive(3, Duration.ofSeconds(30));
            assertSameEvents(events, published);
            published.forEach(p -> assertEquals(FIELDS, p.keySet(), "the topic JSON carries every field, null included"));

            // the CSV export: the same events, the same ServiceCode
            List<CSVRecord> rows = Billing.csv(vasp.vaspId(), start);
            assertEquals(3, rows.size());
            for (CSVRecord row : rows) {
                assertEquals(SERVICE_CODE, row.get("serviceCode"));
                assertEquals(messageId, row.get("messageId"));
            }
            assertEquals(events.stream().map(e -> e.getJsonNumber("eventId").toString()).collect(Collectors.toSet()),
                    rows.stream().map(row -> row.get("eventId")).collect(Collectors.toSet()));

            // the daily summary groups by the ServiceCode exactly as received
            JsonObject line = ((jakarta.json.JsonArray) Gateway.adminJson("/api/charging/summary?day="
                    + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "&vaspId=" + vasp.vaspId())).getJsonObject(0);
            assertEquals(SERVICE_CODE, line.getString("serviceCode"));
            assertEquals(3, line.getInt("events"));
            assertEquals(2, line.getJsonObject("eventsByRecordType").getInt("RECIPIENT_DELIVERY"));
            assertEquals(2, line.getInt("submittedRecipients"));

            if (Billing.onPostgresql()) {
                try (Connection db = Billing.database()) {
                    assertEquals(List.of(SERVICE_CODE, SERVICE_CODE, SERVICE_CODE),
                            Billing.column(db, "select service_code from mm7_charging_event where message_id = ?", messageId));
                    assertEquals(List.of(SERVICE_CODE),
                            Billing.column(db, "select service_code from mm7_message where message_id = ?", messageId));
                    // immutable even for SQL outside the application
                    assertThrows(SQLException.class, () -> update(db,
                            "update mm7_charging_event set service_code = 'x' where message_id = ?", messageId));
                    assertThrows(SQLException.class, () -> update(db,
                            "delete from mm7_charging_event where message_id = ?", messageId));
                }
            }
        }
    }

    @Test
    void refusedSubmitsAreChargedOnceEachAndStoreNoMessage() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(1);
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            // 2002 in a SubmitRsp: no valid recipient
            String tx1 = Gateway.unique("tx");
            HttpResponse<String> r1 = Gateway.postSoap(vasp, Envelopes.submit(tx1, vasp.vaspId(), vasp.vasId(),
                    SERVICE_CODE_XML, "<To><Number>xyz</Number><Number>12</Number></To>"));
            assertEquals("2002", mm7(xml(r1.body()), "StatusCode"), r1.body());
            // 4001 as a fault: a VASID that is not the VASP's
            String tx2 = Gateway.unique("tx");
            HttpResponse<String> r2 = Gateway.postSoap(vasp, Envelopes.submit(tx2, vasp.vaspId(), "not-mine",
                    "plain", "<To><Number>447700900303</Number></To>"));
            assertEquals("4001", mm7(xml(r2.body()), "StatusCode"), r2.body());
            // 4004: a ServiceCode the gateway cannot pass on unchanged
            String tx3 = Gateway.unique("tx");
            HttpResponse<String> r3 = Gateway.postSoap(vasp, Envelopes.submit(tx3, vasp.vaspId(), vasp.vasId(),
                    "s".repeat(1025), "<To><Number>447700900304</Number></To>"));
            assertEquals("4004", mm7(xml(r3.body()), "StatusCode"), r3.body());
            for (String tx : List.of(tx1, tx2, tx3)) {
                assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
            }

            List<JsonObject> events = Billing.events(vasp.vaspId(), start, 3);
            assertEquals(3, events.size(), events.toString());
            events.forEach(e -> {
                assertEquals("MM7_SUBMIT_REJECTED", e.getString("recordType"));
                assertEquals("REJECTED", e.getString("result"));
                assertEquals(vasp.vaspId(), e.getString("vaspId"));
                assertNull(string(e, "messageId"));
                assertEquals("4455", e.getString("sender"));
            });
            JsonObject addressError = byStatus(events, 2002);
            assertEquals(SERVICE_CODE, addressError.getString("serviceCode"));
            assertEquals(2, addressError.getInt("recipientCount"));
            assertEquals(vasp.vasId(), addressError.getString("vasId"));
            assertTrue(addressError.getString("details").contains("xyz"), addressError.toString());
            assertEquals("not-mine", byStatus(events, 4001).getString("vasId"));
            assertEquals("plain", byStatus(events, 4001).getString("serviceCode"));
            assertNull(string(byStatus(events, 4004), "serviceCode"), "a ServiceCode too long to store is not cut");

            assertSameEvents(events, topic.receive(3, Duration.ofSeconds(30)));
            List<CSVRecord> rows = Billing.csv(vasp.vaspId(), start);
            assertEquals(SERVICE_CODE, rows.stream().filter(row -> row.get("statusCode").equals("2002"))
                    .findFirst().orElseThrow().get("serviceCode"));
            assertEquals("", rows.stream().filter(row -> row.get("statusCode").equals("4004")).findFirst()
                    .orElseThrow().get("serviceCode"), "no ServiceCode: an empty field");
        }
    }

    @Test
    void aTransactionThatFailsAfterItsEventWasWrittenLeavesNeitherMessageNorEvent() throws Exception {
        // the failure is injected into the database: only the test's own PostgreSQL can be reached from here
        assumeTrue(Billing.onPostgresql(), "needs the PostgreSQL database the gateway writes to");
        Gateway.Vasp vasp = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(1);
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            // a valid request whose message row the database refuses (a constraint the test adds for its subject):
            // the submit records its event (row, then sequence number and topic message once committed) and then
            // fails at commit, as it would on a database error there
            String tx = Gateway.unique("tx");
            String subject = Gateway.unique("refused-by-the-database");
            String envelope = Envelopes.submit(tx, vasp, "<To><Number>447700900305</Number></To>")
                    .replace("<Subject>Today's forecast</Subject>", "<Subject>" + subject + "</Subject>");
            long insertedBefore = eventRowsOnceQuiet();
            HttpResponse<String> failed;
            try (Connection db = Billing.database(); java.sql.Statement s = db.createStatement()) {
                s.execute("ALTER TABLE mm7_message ADD CONSTRAINT it_commit_failure CHECK (subject IS DISTINCT FROM '"
                        + subject + "') NOT VALID");
                try {
                    failed = Gateway.postSoap(vasp, envelope);
                } finally {
                    s.execute("ALTER TABLE mm7_message DROP CONSTRAINT it_commit_failure");
                }
            }
            assertEquals("3000", mm7(xml(failed.body()), "StatusCode"), failed.body());
            // PostgreSQL counts inserted rows whether their transaction commits or not: the event row was really
            // written before the transaction failed
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (eventRowsEverInserted() == insertedBefore && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(insertedBefore + 1, eventRowsEverInserted(), "the failed submit's event row was inserted");
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), "no message stored");
            assertEquals(List.of(), Billing.events(vasp.vaspId(), start), "no event stored");

            // the next submit is charged with the next number: the failed one gave its number back
            String ok = Gateway.unique("tx");
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(ok, vasp, "<To><Number>447700900306</Number></To>"));
            assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
            Gateway.awaitMessage(mm7(xml(r.body()), "MessageID"), m -> m.getString("state").equals("DISTRIBUTED"),
                    Duration.ofSeconds(30));
            List<JsonObject> published = topic.receive(2, Duration.ofSeconds(30));
            assertEquals(List.of("MM7_SUBMIT", "RECIPIENT_DELIVERY"),
                    published.stream().map(e -> e.getString("recordType")).toList(), "nothing of the failed submit published");
            assertGapFree();
        }
    }

    @Test
    void aMassDistributionTo1000RecipientsIsOneSubmitAnd1000DeliveryEventsWithGapFreeNumbers() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.allowMassDistribution(vasp.vaspId(), 1000);
        StringBuilder to = new StringBuilder("<To>");
        for (int i = 0; i < 1000; i++) {
            to.append("<Number>4477009").append(String.format("%05d", i)).append("</Number>");
        }
        to.append("</To>");
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, to.toString()));
            long submitted = System.nanoTime();
            assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
            String messageId = mm7(xml(r.body()), "MessageID");
            Gateway.awaitMessage(messageId, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(180));
            long distributed = System.nanoTime();

            List<JsonObject> events = Gateway.chargingEvents(messageId).stream().map(v -> v.asJsonObject()).toList();
            assertEquals(1001, events.size());
            assertEquals(1, events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT")).count());
            List<JsonObject> deliveries = events.stream()
                    .filter(e -> e.getString("recordType").equals("RECIPIENT_DELIVERY")).toList();
            assertEquals(1000, deliveries.size());
            assertEquals(1000, deliveries.stream().map(e -> e.getString("recipient")).distinct().count());
            assertEquals(1001, events.stream().map(e -> e.getString("writer") + "/" + e.getJsonNumber("sequenceNumber"))
                    .distinct().count(), "every event has its own sequence number");
            assertSameEvents(events, topic.receive(1001, Duration.ofSeconds(120)));
            assertGapFree();

            Instant first = Instant.parse(deliveries.stream().map(e -> e.getString("occurredAt")).min(Comparator.naturalOrder()).orElseThrow());
            Instant last = Instant.parse(deliveries.stream().map(e -> e.getString("occurredAt")).max(Comparator.naturalOrder()).orElseThrow());
            System.out.printf("MM7 charging, 1,000-recipient submit: submit answered in %d ms; distributed (1,000 recipients,"
                    + " 1,000 events + topic messages, two chunk transactions) %d ms after the answer: %.0f events/s end to end;"
                    + " events written within the fan-out transaction over %d ms%n",
                    (submitted - t0) / 1_000_000, (distributed - submitted) / 1_000_000,
                    1001 / ((distributed - t0) / 1e9), ChronoUnit.MILLIS.between(first, last));
        }
    }

    @Test
    void concurrentSubmitsFromSeveralVaspsKeepEveryWritersNumbersGapFree() throws Exception {
        int vasps = 4;
        int submitsEach = 25;
        List<Gateway.Vasp> accounts = new ArrayList<>();
        for (int i = 0; i < vasps; i++) {
            accounts.add(Gateway.newVasp());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(vasps);
        List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Gateway.Vasp vasp : accounts) {
            results.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < submitsEach; i++) {
                    HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                            "<To><Number>4477008" + String.format("%05d", i) + "</Number></To>"));
                    assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
                    ids.add(mm7(xml(r.body()), "MessageID"));
                }
                return ids;
            }));
        }
        List<String> messageIds = new ArrayList<>();
        for (var f : results) {
            messageIds.addAll(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        for (String id : messageIds) {
            Gateway.awaitMessage(id, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(60));
        }
        long elapsed = System.nanoTime() - t0;
        System.out.printf("MM7 charging, %d concurrent single-recipient submits from %d VASPs: %d events in %d ms,"
                + " %.0f events/s end to end%n", messageIds.size(), vasps, 2 * messageIds.size(), elapsed / 1_000_000,
                2 * messageIds.size() / (elapsed / 1e9));
        for (String id : messageIds) {
            assertEquals(2, Gateway.chargingEvents(id).size());
        }
        assertGapFree();
    }

    /** Over the whole database: each writer's committed events are numbered 1, 2, 3, ... without gap or repeat. */
    private static void assertGapFree() {
        Map<String, List<Long>> byWriter = new TreeMap<>();
        for (JsonObject e : Billing.events(null, Instant.EPOCH)) {
            byWriter.computeIfAbsent(e.getString("writer"), w -> new ArrayList<>())
                    .add(e.getJsonNumber("sequenceNumber").longValue());
        }
        assertTrue(!byWriter.isEmpty());
        byWriter.forEach((writer, seqs) -> {
            List<Long> sorted = seqs.stream().sorted().toList();
            assertEquals(LongStream.rangeClosed(1, sorted.size()).boxed().toList(), sorted,
                    "sequence of writer " + writer + " has a gap or a repeat");
        });
    }

    private static void assertSameEvents(List<JsonObject> stored, List<JsonObject> published) {
        assertEquals(stored.size(), published.size(), "each event exactly once on the topic");
        Map<String, JsonObject> byId = stored.stream()
                .collect(Collectors.toMap(e -> e.getJsonNumber("eventId").toString(), e -> e));
        for (JsonObject p : published) {
            JsonObject s = byId.remove(p.getJsonNumber("eventId").toString());
            assertNotNull(s, "published event " + p + " is not stored (or came twice)");
            for (String field : FIELDS) {
                if (field.equals("occurredAt")) {
                    assertEquals(Instant.parse(s.getString(field)), Instant.parse(p.getString(field)));
                } else {
                    assertEquals(s.get(field) == null ? jakarta.json.JsonValue.NULL : s.get(field),
                            p.get(field), field + " of " + p);
                }
            }
        }
    }

    /** rows ever inserted into the events table, committed or rolled back (PostgreSQL statistics) */
    /**
     * The inserted-rows counter once it stood still for 11 s: idle server connections report their statistics within
     * 10 s, and events of earlier tests may still be written after their messages were distributed.
     */
    private static long eventRowsOnceQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long last = eventRowsEverInserted();
        while (true) {
            Thread.sleep(11_000);
            long now = eventRowsEverInserted();
            if (now == last) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "charging events were still being inserted after 120 s");
            last = now;
        }
    }

    private static long eventRowsEverInserted() throws SQLException {
        try (Connection db = Billing.database(); java.sql.Statement s = db.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (ResultSet rs = s.executeQuery("select n_tup_ins from pg_stat_user_tables where relname = 'mm7_charging_event'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonObject only(List<JsonObject> events, String type) {
        List<JsonObject> of = events.stream().filter(e -> e.getString("recordType").equals(type)).toList();
        assertEquals(1, of.size(), type + " in " + events);
        return of.get(0);
    }

    private static JsonObject byStatus(List<JsonObject> events, int status) {
        return events.stream().filter(e -> e.getInt("statusCode") == status).findFirst()
                .orElseThrow(() -> new AssertionError("no event with status " + status + " in " + events));
    }

    private static void update(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        }
    }
}
