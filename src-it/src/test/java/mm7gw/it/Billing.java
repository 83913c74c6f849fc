package mm7gw.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The billing system's view of the gateway: the mm7.charging topic (a real JMS subscriber over the HTTP port,
 * as an external billing system connects), the CSV and JSON exports, and on PostgreSQL the stored rows.
 */
final class Billing {
    static final String USER = System.getProperty("mm7.billing.user", "it-billing");
    static final String PASSWORD = System.getProperty("mm7.billing.password", "it-billing-secret");

    private Billing() {
    }

    /**
     * A connection to the gateway's broker as a remote client does: WildFly's embedded broker over the HTTP port
     * (1.x address prefixes), or a standalone broker's URL ({@code mm7.billing.url}). A null user connects without
     * an account.
     */
    static Connection connect(String user, String password) throws JMSException {
        String standalone = System.getProperty("mm7.billing.url");
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl(), user, password);
        factory.setEnable1xPrefixes(standalone == null);
        return factory.createConnection();
    }

    static String brokerUrl() {
        URI base = URI.create(Gateway.BASE);
        String standalone = System.getProperty("mm7.billing.url");
        return standalone != null ? standalone : "tcp://" + base.getHost() + ":" + base.getPort()
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
    }

    /** A subscriber to the charging topic that keeps the events of one VASP, from the moment it is created. */
    static final class Subscriber implements AutoCloseable {
        private final Connection connection;
        private final MessageConsumer consumer;

        Subscriber(String vaspId) {
            try {
                connection = connect(USER, PASSWORD);
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                consumer = session.createConsumer(session.createTopic("mm7.charging"), "vaspId = '" + vaspId + "'");
                connection.start();
            } catch (JMSException e) {
                throw new AssertionError("cannot subscribe to mm7.charging at " + brokerUrl() + ": " + e, e);
            }
        }

        /** Waits for {@code expected} events, then a little longer to catch any event that came twice. */
        List<JsonObject> receive(int expected, Duration timeout) throws JMSException {
            List<JsonObject> events = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                Message m = consumer.receive(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (m != null) {
                    events.add(parse(((TextMessage) m).getText()));
                }
            }
            Message extra;
            while ((extra = consumer.receive(1500)) != null) {
                events.add(parse(((TextMessage) extra).getText()));
            }
            return events;
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    /** The events of one VASP since {@code from}, through the JSON export (all pages). */
    static List<JsonObject> events(String vaspId, Instant from) {
        List<JsonObject> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonArray page = (JsonArray) Gateway.adminJson("/api/charging/events?from=" + from + "&to="
                    + Instant.now().plusSeconds(60) + (vaspId == null ? "" : "&vaspId=" + enc(vaspId))
                    + "&afterId=" + after);
            page.forEach(v -> all.add(v.asJsonObject()));
            if (page.size() < 1000) {
                return all;
            }
            after = page.getJsonObject(page.size() - 1).getJsonNumber("eventId").longValue();
        }
    }

    /**
     * The events of one VASP since {@code from} once at least {@code count} are exported (at most 20 s): an event is
     * exported once the node's sequencer has numbered it, shortly after the commit that wrote it.
     */
    static List<JsonObject> events(String vaspId, Instant from, int count) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        List<JsonObject> events = events(vaspId, from);
        while (events.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
            events = events(vaspId, from);
        }
        return events;
    }

    static List<CSVRecord> csv(String vaspId, Instant from) throws IOException {
        return csv(vaspId, from, "");
    }

    /** The CSV export of the VASP's events since {@code from}, with further query parameters ({@code &name=value}). */
    static List<CSVRecord> csv(String vaspId, Instant from, String parameters) throws IOException {
        HttpResponse<String> r = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.ADMIN_BASE
                + "/admin/api/charging/events.csv?from=" + from + "&to=" + Instant.now().plusSeconds(60) + "&vaspId="
                + enc(vaspId) + parameters)).header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD))
                .header("Accept", "text/csv").GET().build());
        if (r.statusCode() != 200) {
            throw new AssertionError("CSV export -> " + r.statusCode() + " " + r.body());
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")) {
            throw new AssertionError("not CSV: " + r.headers().map());
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body()))) {
            return parser.getRecords();
        }
    }

    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("mm7.db.kind"));
    }

    static java.sql.Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("mm7.it.pg-url"), "postgres", "postgres");
    }

    /** The first column of every row a query with string parameters returns. */
    static List<String> column(java.sql.Connection db, String sql, String... params) throws SQLException {
        try (java.sql.PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v == JsonValue.NULL ? null : o.getString(name);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
