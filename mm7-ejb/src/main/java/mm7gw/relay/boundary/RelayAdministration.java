package mm7gw.relay.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminAudit;
import mm7gw.kernel.VaspId;
import mm7gw.relay.control.ClientKeyStore;
import mm7gw.relay.control.EndpointProbe;
import mm7gw.relay.control.OutboundQueue;
import mm7gw.relay.control.ProbeResult;
import mm7gw.relay.control.SecretBox;
import mm7gw.relay.control.TrustAnchors;
import mm7gw.relay.entity.OutboundAuth;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.system.ServerResources;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.Vasp;
import mm7gw.wire.Mm7Release;

/**
 * Admin facade of the relay to VASPs: a VASP's relay endpoint and outbound credentials, a probe of that endpoint,
 * the calls made about a message, the dead-letter queue and the replay of a dead-lettered call.
 */
@Stateless
@RolesAllowed("admin")
public class RelayAdministration {
    static final int DEFAULT_TIMEOUT_MS = 10_000;
    static final int MAX_TIMEOUT_MS = 120_000;
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9A-Za-z]{1,20}");
    private static final Pattern JMS_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,100}");

    @Inject
    EntityManager em;

    @Inject
    VaspRegistry vasps;

    @Inject
    SecretBox secrets;

    @Inject
    AdminAudit audit;

    @Inject
    OutboundQueue outbound;

    @Inject
    JMSContext jms;

    @Inject
    EndpointProbe probe;

    @Inject
    ClientKeyStore clientKeys;

    @Resource(lookup = ServerResources.DEAD_LETTERS)
    Queue deadLetters;

    public RelayEndpointView endpoint(String vaspId) {
        return RelayEndpointView.of(find(vaspId).orElseThrow(() -> RequestRefused.notFound("relay endpoint of VASP "
                + vaspId)), clientKeys);
    }

    public RelayEndpointView configure(String vaspId, RelayEndpointRequest request) {
        Vasp vasp = VaspId.parse(vaspId).flatMap(vasps::byVaspId).orElseThrow(() -> RequestRefused.notFound("VASP " + vaspId));
        if (request == null) {
            throw RequestRefused.invalid("a JSON body with url and mm7Release is required");
        }
        String url = checkedUrl(request.url());
        String release = request.mm7Release() == null ? Mm7Release.CANONICAL.toString() : request.mm7Release().trim();
        if (Mm7Release.ofName(release).isEmpty()) {
            throw RequestRefused.invalid("unknown mm7Release '" + release + "'; known: "
                    + String.join(", ", Mm7Release.names()));
        }
        int timeout = request.timeoutMillis() == null ? DEFAULT_TIMEOUT_MS : request.timeoutMillis();
        if (timeout < 100 || timeout > MAX_TIMEOUT_MS) {
            throw RequestRefused.invalid("timeoutMillis must be between 100 and " + MAX_TIMEOUT_MS);
        }
        RelayEndpoint endpoint = find(vaspId).orElse(null);
        boolean created = endpoint == null;
        if (created) {
            endpoint = new RelayEndpoint(vasp);
        }
        String login = request.login() == null || request.login().isBlank() ? null : request.login().trim();
        if (login != null && login.contains(":")) {
            throw RequestRefused.invalid("a Basic login cannot contain ':'");
        }
        boolean plainHttpAllowed = request.plainHttpCredentialsAllowed() != null && request.plainHttpCredentialsAllowed();
        if (login != null && isPlainHttp(url) && !plainHttpAllowed) {
            throw RequestRefused.invalid("outbound credentials over plain http are refused: anyone on the way could"
                    + " read the password. Use an https url, or allow credentials over plain http for this VASP"
                    + " (plainHttpCredentialsAllowed)");
        }
        if (login != null && request.password() == null && endpoint.sealedPassword() != null
                && !sameHost(endpoint.url(), url)) {
            throw RequestRefused.invalid("the relay url's host changes from " + host(endpoint.url()) + " to "
                    + host(url) + ": enter the outbound password again (the stored one is not sent to another host)");
        }
        endpoint.plainHttpCredentials(plainHttpAllowed);
        if (login == null) {
            endpoint.credentials(null, null);
        } else if (request.password() != null) {
            if (request.password().isEmpty()) {
                throw RequestRefused.invalid("password must not be empty");
            }
            if (!secrets.isAvailable()) {
                throw new RequestRefused(RequestRefused.Reason.CONFLICT, "the server has no relay key (system property "
                        + SecretBox.KEY_PROPERTY + "), so it cannot store an outbound password");
            }
            endpoint.credentials(login, secrets.seal(request.password()));
        } else if (login.equals(endpoint.login())) {
            endpoint.credentials(login, endpoint.sealedPassword());
        } else {
            throw RequestRefused.invalid("a new login needs its password");
        }
        OutboundAuth auth;
        try {
            auth = request.outboundAuth() == null || request.outboundAuth().isBlank() ? OutboundAuth.BASIC
                    : OutboundAuth.valueOf(request.outboundAuth().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("outboundAuth must be BASIC or DIGEST");
        }
        endpoint.outboundAuth(auth);
        List<String> codes = request.shortCodes() == null ? List.of()
                : request.shortCodes().stream().map(c -> c == null ? "" : c.trim()).distinct().toList();
        for (String code : codes) {
            if (!SHORT_CODE.matcher(code).matches()) {
                throw RequestRefused.invalid("short code '" + code + "' must be 1 to 20 letters or digits");
            }
            em.createNamedQuery(RelayEndpoint.WITH_SHORT_CODES, RelayEndpoint.class).getResultStream()
                    .filter(other -> !other.vasp().vaspId().equals(vasp.vaspId()) && other.serves(code)).findFirst()
                    .ifPresent(other -> {
                        throw new RequestRefused(RequestRefused.Reason.CONFLICT, "short code " + code
                                + " belongs to VASP " + other.vasp().vaspId());
                    });
        }
        endpoint.serve(codes);
        String pem = request.trustedCertificatesPem() == null || request.trustedCertificatesPem().isBlank() ? null
                : request.trustedCertificatesPem().trim();
        if (pem != null) {
            if (!url.regionMatches(true, 0, "https:", 0, 6)) {
                throw RequestRefused.invalid("trustedCertificatesPem needs an https url");
            }
            try {
                TrustAnchors.parse(pem);
            } catch (IllegalArgumentException e) {
                throw RequestRefused.invalid("trustedCertificatesPem: " + e.getMessage());
            }
        }
        endpoint.trust(pem);
        boolean clientCertificate = request.clientCertificate() != null && request.clientCertificate();
        if (clientCertificate) {
            if (!url.regionMatches(true, 0, "https:", 0, 6)) {
                throw RequestRefused.invalid("clientCertificate needs an https url (a TLS client certificate is"
                        + " presented in the TLS handshake)");
            }
            clientKeys.problem().ifPresent(problem -> {
                throw new RequestRefused(RequestRefused.Reason.CONFLICT, "the gateway cannot present a TLS client"
                        + " certificate to this VASP: " + problem);
            });
        }
        endpoint.clientCertificate(clientCertificate);
        endpoint.reportSender(reportSender(request));
        endpoint.configure(url, release, timeout,
                request.emptyResponseIsAck() != null && request.emptyResponseIsAck());
        if (created) {
            em.persist(endpoint);
        }
        audit.record("relay endpoint set", vaspId, url + " " + release + (login == null ? ", no credentials"
                : ", " + auth + " " + login + (request.password() != null ? " (new password)" : "")
                        + (plainHttpAllowed ? ", credentials over plain http allowed" : ""))
                + (clientCertificate ? ", TLS client certificate" : ""));
        return RelayEndpointView.of(endpoint, clientKeys);
    }

    private static mm7gw.kernel.Address reportSender(RelayEndpointRequest request) {
        if (request.reportSender() == null || request.reportSender().isBlank()) {
            return null;
        }
        mm7gw.kernel.AddressType type;
        try {
            type = request.reportSenderType() == null || request.reportSenderType().isBlank()
                    ? mm7gw.kernel.AddressType.SHORT_CODE
                    : mm7gw.kernel.AddressType.valueOf(request.reportSenderType().trim());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("reportSenderType must be NUMBER, SHORT_CODE or EMAIL");
        }
        try {
            return mm7gw.kernel.Address.parse(type, request.reportSender().trim());
        } catch (mm7gw.kernel.Address.InvalidAddress e) {
            throw RequestRefused.invalid("reportSender: " + e.getMessage());
        }
    }

    /**
     * Tests the VASP's stored relay endpoint (reachable, TLS handshake, HTTP status, credentials, latency) with a
     * HEAD request, no MM7 request. Outside a transaction: it may wait for the endpoint's timeout.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ProbeResult probe(String vaspId) {
        VaspId.parse(vaspId).flatMap(vasps::byVaspId).orElseThrow(() -> RequestRefused.notFound("VASP " + vaspId));
        RelayEndpoint endpoint = find(vaspId).orElseThrow(() -> new RequestRefused(RequestRefused.Reason.CONFLICT,
                "VASP " + vaspId + " has no relay endpoint to test; save its relay settings first"));
        return probe.probe(endpoint);
    }

    public List<OutboundCallView> calls(String messageId) {
        return em.createNamedQuery(OutboundCall.BY_MESSAGE_ID, OutboundCall.class)
                .setParameter("messageId", messageId).getResultStream().map(OutboundCallView::of).toList();
    }

    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> result = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetters)) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                result.add(view((Message) o));
                if (result.size() >= 500) {
                    break;
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse mm7.dlq", e);
        }
        return result;
    }

    /**
     * Takes a dead-lettered outbound call off {@code mm7.dlq} and queues it on {@code mm7.outbound} again, in one
     * transaction: it is attempted again (with the usual retries) and sent at most once more.
     */
    public OutboundCallView replay(String jmsMessageId) {
        if (jmsMessageId == null || !JMS_ID.matcher(jmsMessageId).matches()) {
            throw RequestRefused.invalid("not a JMS message id: " + jmsMessageId);
        }
        Message m;
        try (JMSConsumer consumer = jms.createConsumer(deadLetters, "JMSMessageID = '" + jmsMessageId + "'")) {
            m = consumer.receive(2000);
        }
        if (m == null) {
            throw RequestRefused.notFound("dead letter " + jmsMessageId);
        }
        try {
            if (!m.propertyExists(OutboundQueue.CALL_ID)) {
                throw new RequestRefused(RequestRefused.Reason.CONFLICT, "dead letter " + jmsMessageId
                        + " is not an outbound call (it came from " + original(m) + ")");
            }
            OutboundCall call = em.find(OutboundCall.class, m.getLongProperty(OutboundQueue.CALL_ID));
            if (call == null) {
                throw RequestRefused.notFound("outbound call " + m.getLongProperty(OutboundQueue.CALL_ID));
            }
            call.requeued();
            outbound.enqueue(call);
            audit.record("dead letter replayed", call.vaspId().value(), jmsMessageId + " outbound call " + call.id()
                    + " (" + call.kind() + " for " + call.messageId() + ")");
            return OutboundCallView.of(call);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dead letter " + jmsMessageId, e);
        }
    }

    private Optional<RelayEndpoint> find(String vaspId) {
        return em.createNamedQuery(RelayEndpoint.BY_VASP, RelayEndpoint.class).setParameter("vaspId", vaspId)
                .getResultStream().findFirst();
    }

    private static DeadLetterView view(Message m) throws JMSException {
        Long callId = m.propertyExists(OutboundQueue.CALL_ID) ? m.getLongProperty(OutboundQueue.CALL_ID) : null;
        String body = m instanceof TextMessage t ? t.getText() : null;
        return new DeadLetterView(m.getJMSMessageID(), original(m), callId, body,
                m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()));
    }

    private static String original(Message m) throws JMSException {
        Object o = m.getObjectProperty("_AMQ_ORIG_ADDRESS");
        return o == null ? null : o.toString();
    }

    private static boolean isPlainHttp(String url) {
        return url.regionMatches(true, 0, "http:", 0, 5);
    }

    private static String host(String url) {
        String host = url == null ? null : URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean sameHost(String stored, String url) {
        return stored == null || host(stored).equals(host(url));
    }

    private static String checkedUrl(String text) {
        if (text == null || text.isBlank()) {
            throw RequestRefused.invalid("url is required");
        }
        try {
            URI uri = new URI(text.trim());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw RequestRefused.invalid("url must be an absolute http or https URL: " + text);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw RequestRefused.invalid("url is not a URL: " + e.getMessage());
        }
    }
}
