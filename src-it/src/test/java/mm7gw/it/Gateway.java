package mm7gw.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The gateway under test, seen from outside: its MM7 endpoint over raw HTTP (as a third-party VASP would
 * call it) and its admin REST API (to set up VASPs and to read back what the gateway stored).
 */
final class Gateway {
    static final String BASE = System.getProperty("mm7.base-url", "http://127.0.0.1:8180");
    /** The server the gateway runs on: WildFly unless the build says otherwise (profile payara). */
    static final boolean ON_WILDFLY = "wildfly".equals(System.getProperty("mm7.server", "wildfly"));
    static final URI MM7 = URI.create(BASE + "/mm7/vasp");
    /**
     * The console and admin API on their own listener, apart from the MM7 endpoint: on WildFly HTTP 9080 + the port
     * offset (server-config/gateway.cli), on Payara the listener mm7-admin-http of payara.sh (the build says which).
     */
    static final String ADMIN_BASE = System.getProperty("mm7.admin-url",
            "http://127.0.0.1:" + (9080 + Integer.getInteger("mm7.port-offset", 100)));
    /** The MM7 endpoint's HTTPS listener: WildFly 8443 + the port offset, Payara's http-listener-2. */
    static final String HTTPS_BASE = System.getProperty("mm7.https-url",
            "https://127.0.0.1:" + (8443 + Integer.getInteger("mm7.port-offset", 100)));
    /** The console and admin API over HTTPS: WildFly 9443 + the port offset (tls.cli), Payara's mm7-admin-https. */
    static final String ADMIN_HTTPS_BASE = System.getProperty("mm7.admin-https-url",
            "https://127.0.0.1:" + (9443 + Integer.getInteger("mm7.port-offset", 100)));
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = System.getProperty("mm7.admin.password", "it-admin-secret");
    static final String NS = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    /**
     * HTTP/1.1 as VASPs speak it: the JDK client's default (HTTP/2) offers an h2c upgrade on every plain request,
     * and a reverse proxy in front of a cluster then pins the whole connection to one node.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Gateway() {
    }

    /** A name no other test (or earlier run against the same database) uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    // ---- VASP side -------------------------------------------------------------------------------------

    record Vasp(String vaspId, String vasId, String login, String password) {
    }

    /**
     * Registers a fresh VASP with one service through the admin API. Its level then allows plain HTTP (a new
     * VASP's default level requires TLS): the tests send over plain HTTP to a server that opts in to it
     * ({@code mm7.http.plain-allowed}); TransportSecurityIT shows the production defaults.
     */
    static Vasp newVasp() {
        Vasp v = registerVasp();
        ServiceLevels.change(v.vaspId(), b -> b.add("tlsRequired", false));
        return v;
    }

    /** Registers a fresh VASP with one service through the admin API; it keeps the default service level. */
    static Vasp registerVasp() {
        serveTestAddresses();
        String id = unique("vasp");
        Vasp v = new Vasp(id, id + "-svc", id, "pw-" + UUID.randomUUID());
        JsonObject body = Json.createObjectBuilder().add("vaspId", v.vaspId()).add("name", "IT " + id)
                .add("password", v.password()).add("vasIds", Json.createArrayBuilder().add(v.vasId())).build();
        HttpResponse<String> r = admin("POST", "/api/vasps", body.toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("could not register VASP: " + r.statusCode() + " " + r.body());
        }
        return v;
    }

    static HttpResponse<String> post(String user, String password, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(MM7).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        return send(b.build());
    }

    /** A POST as some peers send it: with the given SOAPAction header value, or none at all for null. */
    static HttpResponse<String> post(Vasp as, String contentType, byte[] body, String soapAction) {
        HttpRequest.Builder b = HttpRequest.newBuilder(MM7).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Authorization", basic(as.login(), as.password()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (soapAction != null) {
            b.header("SOAPAction", soapAction);
        }
        return send(b.build());
    }

    static HttpResponse<String> postSoap(Vasp as, String envelope) {
        return post(as.login(), as.password(), "text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** The MessageID of an accepted submit: HTTP 200 and StatusCode 1000, in whichever release's namespace it came. */
    static String accepted(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1000", text(d, "*", "StatusCode"), r.body());
        return text(d, "*", "MessageID");
    }

    // ---- admin side ------------------------------------------------------------------------------------

    static HttpResponse<String> admin(String method, String path, String json) {
        return adminAs(ADMIN_USER, ADMIN_PASSWORD, method, path, json);
    }

    /** An admin API request with another administrator's credentials. */
    static HttpResponse<String> adminAs(String user, String password, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ADMIN_BASE + "/admin" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password)).header("Accept", "application/json");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b.build());
    }

    static JsonStructure adminJson(String path) {
        HttpResponse<String> r = admin("GET", path, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.read();
        }
    }

    static JsonObject message(String messageId) {
        return (JsonObject) adminJson("/api/messages/" + messageId);
    }

    /**
     * The message's charging events once each has its number: events are written unnumbered in the transaction that
     * charges, and the node's sequencer numbers them right after the commit (waits up to 10 s for it).
     */
    static JsonArray chargingEvents(String messageId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonArray events = (JsonArray) adminJson("/api/messages/" + messageId + "/charging-events");
            boolean numbered = events.stream().map(JsonValue::asJsonObject)
                    .allMatch(e -> e.get("sequenceNumber") != null && e.get("sequenceNumber").getValueType() == JsonValue.ValueType.NUMBER);
            if (numbered || System.nanoTime() > deadline) {
                return events;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return events;
            }
        }
    }

    /** The stored content of a message (GET .../content): status, Content-Type header and the exact bytes. */
    static HttpResponse<byte[]> content(String messageId) {
        return adminBytes("/api/messages/" + messageId + "/content");
    }

    static JsonArray messagesOfTransaction(String vaspId, String transactionId) {
        return (JsonArray) adminJson("/api/messages?vaspId=" + vaspId + "&transactionId=" + transactionId);
    }

    /** Polls the admin API until the message satisfies the condition (the MDB works asynchronously). */
    /** The first of a message's outbound calls to the VASP that meets the condition, polled until the timeout. */
    static JsonObject awaitOutboundCall(String messageId, Predicate<JsonObject> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonArray last = null;
        while (System.nanoTime() < deadline) {
            last = (JsonArray) adminJson("/api/relay/messages/" + messageId + "/calls");
            for (JsonValue v : last) {
                if (condition.test(v.asJsonObject())) {
                    return v.asJsonObject();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no outbound call of " + messageId + " as expected within " + timeout + ": " + last);
    }

    static JsonObject awaitMessage(String messageId, Predicate<JsonObject> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject m = message(messageId);
        while (!condition.test(m)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message did not reach the expected state within " + timeout + ": " + m);
            }
            Thread.sleep(100);
            m = message(messageId);
        }
        return m;
    }

    // ---- subscriber directory and mailboxes ------------------------------------------------------------

    /** The open number range 447700900 and the open mail domain example.net, which most tests send to. */
    static final String TEST_RANGE = "44770";
    static final String TEST_DOMAIN = "example.net";
    private static volatile boolean testAddressesServed;

    /** Serves the test range and domain (once per test JVM; a 409 means an earlier class already did). */
    static synchronized void serveTestAddresses() {
        if (!testAddressesServed) {
            serveRange(TEST_RANGE, true);
            serveDomain(TEST_DOMAIN, true);
            testAddressesServed = true;
        }
    }

    static void serveRange(String prefix, boolean open) {
        expectCreatedOrExists(admin("POST", "/api/directory/number-ranges",
                Json.createObjectBuilder().add("prefix", prefix).add("open", open).build().toString()));
    }

    static void serveDomain(String domain, boolean open) {
        expectCreatedOrExists(admin("POST", "/api/directory/mail-domains",
                Json.createObjectBuilder().add("domain", domain).add("open", open).build().toString()));
    }

    static void subscriber(String address, String state) {
        HttpResponse<String> r = admin("POST", "/api/directory/subscribers",
                Json.createObjectBuilder().add("address", address).add("state", state).build().toString());
        if (r.statusCode() != 200) {
            throw new AssertionError("could not register subscriber " + address + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static void expectCreatedOrExists(HttpResponse<String> r) {
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("directory set-up failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Counts of a message's recipients per state, history entries and charging events. */
    static JsonObject counts(String messageId) {
        return (JsonObject) adminJson("/api/messages/" + messageId + "/counts");
    }

    static JsonObject awaitCounts(String messageId, Predicate<JsonObject> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject c = counts(messageId);
        while (!condition.test(c)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message did not reach the expected counts within " + timeout + ": " + c);
            }
            Thread.sleep(200);
            c = counts(messageId);
        }
        return c;
    }

    /**
     * Submits a message asking for delivery reports to the address (a subscriber of the test range), waits until
     * it is delivered there and retrieves it from the mailbox: a DeliveryReportReq to the VASP follows. Its MessageID.
     */
    static String retrievedWithReport(Vasp vasp, String address, Duration timeout) throws InterruptedException {
        HttpResponse<String> r = postSoap(vasp, Envelopes.submitWithReports(unique("tx"), vasp,
                "<To><Number>" + address + "</Number></To>", null));
        assertEquals(200, r.statusCode(), r.body());
        String messageId = mm7(xml(r.body()), "MessageID");
        if (messageId == null) {
            throw new AssertionError("no MessageID in " + r.body());
        }
        awaitCounts(messageId, c -> inState(c, "DELIVERED") == 1, timeout);
        HttpResponse<String> retrieved = admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId
                + "/retrieve", null);
        assertEquals(200, retrieved.statusCode(), retrieved.body());
        return messageId;
    }

    /** how many of the message's recipients are in that state (0 if none) */
    static long inState(JsonObject counts, String state) {
        JsonObject byState = counts.getJsonObject("byState");
        return byState.containsKey(state) ? byState.getJsonNumber(state).longValue() : 0;
    }

    static JsonArray mailbox(String address) {
        return (JsonArray) adminJson("/api/mailboxes/" + address + "/messages");
    }

    static HttpResponse<byte[]> adminBytes(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ADMIN_BASE + "/admin" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError("HTTP GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError("HTTP " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + text, e);
        }
    }

    /** Text of the first element with that local name in the MM7 namespace, or null. */
    static String mm7(Document d, String localName) {
        NodeList n = d.getElementsByTagNameNS(NS, localName);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    /** Text of the first element with that local name in the given namespace, or null. */
    static String text(Document d, String ns, String localName) {
        NodeList n = d.getElementsByTagNameNS(ns, localName);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    static String namespace(String release) {
        return "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/" + release;
    }

    static Element first(Document d, String ns, String localName) {
        NodeList n = d.getElementsByTagNameNS(ns, localName);
        return n.getLength() == 0 ? null : (Element) n.item(0);
    }
}
