package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.charging.entity.RecordType;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundAuth;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.relay.entity.OutboundState;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.status.StatusCode;
import mm7gw.submission.entity.AddressType;
import mm7gw.submission.entity.Recipient;

/**
 * Makes one attempt of an outbound call: posts the envelope to the VASP's endpoint and records the answer with
 * its charging event in the caller's transaction. An attempt that must be retried is recorded on its own
 * ({@link OutboundFailures}) and reported to the caller, which rolls back so that the broker redelivers.
 */
@ApplicationScoped
public class OutboundSender {
    private static final Logger LOG = Logger.getLogger(OutboundSender.class.getName());
    private static final String RELAY_SERVER_ID = System.getProperty("mm7.relay.server-id", "mm7-gateway");

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Inject
    OutboundFailures failures;

    @Inject
    Charging charging;

    @Inject
    SecretBox secrets;

    @Inject
    TrustAnchors trust;

    /** @return false when the attempt failed and must be retried (the caller rolls back) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attempt(long callId) {
        OutboundCall call = em.find(OutboundCall.class, callId);
        if (call == null || !call.isOpen()) {
            return true;
        }
        long earlier = em.createNamedQuery(OutboundCall.EARLIER_OPEN, Long.class)
                .setParameter("messageId", call.messageId()).setParameter("id", call.id()).getSingleResult();
        if (earlier > 0) {
            failures.waiting(callId, "waiting for " + earlier + " earlier call(s) about this message");
            return false;
        }
        RelayEndpoint endpoint = em.createNamedQuery(RelayEndpoint.BY_VASP, RelayEndpoint.class)
                .setParameter("vaspId", call.vaspId()).getResultStream().findFirst().orElse(null);
        if (endpoint == null) {
            complete(call, OutboundState.REFUSED, null, null, "the VASP has no relay endpoint any more");
            return true;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(Duration.ofMillis(endpoint.timeoutMillis()))
                .header("SOAPAction", "\"\"");
        if (call.kind() == OutboundKind.DELIVER) {
            MoMessage mo = em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class)
                    .setParameter("linkedId", call.messageId()).getSingleResult();
            String envelope = OutboundEnvelopes.deliver(mo, endpoint.release(), RELAY_SERVER_ID, "out-" + call.id());
            if (mo.text() == null) {
                request.header("Content-Type", "text/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
            } else {
                String boundary = "mm7-" + UUID.randomUUID();
                request.header("Content-Type", "multipart/related; type=\"text/xml\"; start=\"<envelope>\"; boundary=\""
                        + boundary + "\"").POST(HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <envelope>\r\n\r\n" + envelope
                        + "\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-ID: <"
                        + OutboundEnvelopes.MO_TEXT_CID + ">\r\n\r\n" + mo.text() + "\r\n--" + boundary + "--\r\n",
                        StandardCharsets.UTF_8));
            }
        } else {
            request.header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(OutboundEnvelopes.of(call, endpoint.release(),
                            RELAY_SERVER_ID, "out-" + call.id()), StandardCharsets.UTF_8));
        }
        HttpResponse<BoundedAnswer> response;
        try {
            response = send(trust.clientFor(endpoint.trustedCertificatesPem()), request, "POST", endpoint, secrets,
                    BoundedAnswer.handler(BoundedAnswer.configuredMax()));
        } catch (IOException e) {
            LOG.info(() -> "outbound call " + callId + " to " + endpoint.url() + " failed: " + e);
            mm7gw.metrics.Metrics.outboundCall(call.vaspId(), "IO_ERROR");
            failures.failed(callId, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.failed(callId, null, "interrupted");
            return false;
        }
        if (response.statusCode() == 401 && endpoint.login() != null) {
            String reason = refusedCredentials(endpoint, response);
            LOG.info(() -> "outbound call " + callId + " to " + endpoint.url() + ": " + reason);
            complete(call, OutboundState.REFUSED, 401, null, reason);
            return true;
        }
        if (response.body().tooLarge()) {
            LOG.info(() -> "outbound call " + callId + " to " + endpoint.url() + ": " + response.body().reason());
            complete(call, OutboundState.REFUSED, response.statusCode(), null, response.body().reason());
            return true;
        }
        String body = response.body().body();
        VaspAnswer answer = VaspAnswer.read(response.statusCode(), body, endpoint.emptyResponseIsAck(),
                expectedResponse(call.kind()), "out-" + call.id());
        if (answer.retry()) {
            LOG.info(() -> "outbound call " + callId + " to " + endpoint.url() + ": " + answer.text());
            mm7gw.metrics.Metrics.outboundCall(call.vaspId(), "RETRY");
            failures.failed(callId, response.statusCode(), answer.text());
            return false;
        }
        if (call.kind() == OutboundKind.DELIVER && answer.state() == OutboundState.SENT) {
            call.answeredServiceCode(VaspAnswer.serviceCode(body));
        }
        complete(call, answer.state(), response.statusCode(), answer.vaspStatus(), answer.text());
        return true;
    }

    private static String expectedResponse(OutboundKind kind) {
        return switch (kind) {
            case DELIVER -> "DeliverRsp";
            case DELIVERY_REPORT -> "DeliveryReportRsp";
            default -> "ReadReplyRsp";
        };
    }

    /**
     * Sends the request with the endpoint's outbound credentials: HTTP Basic at once; HTTP Digest (RFC 7616) as the
     * answer to the VASP's 401 challenge, so the request goes twice. A 401 without a Digest challenge the gateway
     * can answer is returned as it is.
     */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest.Builder request, String method,
            RelayEndpoint endpoint, SecretBox secrets, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        if (endpoint.login() == null || endpoint.outboundAuth() != OutboundAuth.DIGEST) {
            authorization(endpoint, secrets).ifPresent(a -> request.header("Authorization", a));
            return client.send(request.build(), body);
        }
        String password = secrets.open(endpoint.sealedPassword());
        HttpResponse<T> first = client.send(request.build(), body);
        if (first.statusCode() != 401) {
            return first;
        }
        Optional<DigestAuth.Challenge> challenge = DigestAuth.choose(first.headers().allValues("WWW-Authenticate"));
        if (challenge.isEmpty()) {
            return first;
        }
        URI uri = URI.create(endpoint.url());
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.setHeader("Authorization",
                DigestAuth.authorization(challenge.get(), endpoint.login(), password, method, path));
        return client.send(request.build(), body);
    }

    /** Why the VASP's HTTP 401 refused the call made with the endpoint's outbound credentials. */
    static String refusedCredentials(RelayEndpoint endpoint, HttpResponse<?> response) {
        java.util.List<String> challenges = response.headers().allValues("WWW-Authenticate");
        if (endpoint.outboundAuth() == OutboundAuth.DIGEST && DigestAuth.choose(challenges).isEmpty()) {
            return "HTTP 401: the VASP sent no Digest challenge the gateway can answer (SHA-256 or MD5, qop=auth)"
                    + (challenges.isEmpty() ? "" : "; WWW-Authenticate: " + String.join(" | ", challenges));
        }
        return "HTTP 401: the VASP refused the outbound " + endpoint.outboundAuth() + " credentials of login '"
                + endpoint.login() + "' (wrong login or password?)";
    }

    /**
     * The HTTP Basic Authorization header value of the endpoint's outbound credentials, if it has any and they are
     * sent as Basic (Digest ones answer a challenge, {@link #send}).
     */
    static Optional<String> authorization(RelayEndpoint endpoint, SecretBox secrets) {
        if (endpoint.login() == null) {
            return Optional.empty();
        }
        String password = secrets.open(endpoint.sealedPassword());
        if (endpoint.outboundAuth() == OutboundAuth.DIGEST) {
            return Optional.empty();
        }
        String pair = endpoint.login() + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private void complete(OutboundCall call, OutboundState state, Integer httpStatus, Integer vaspStatus,
            String text) {
        call.completed(state, httpStatus, vaspStatus, text);
        mm7gw.metrics.Metrics.outboundCall(call.vaspId(), state.name());
        StatusCode status = switch (state) {
            case SENT -> StatusCode.SUCCESS;
            case VASP_ERROR -> vaspStatus == null ? StatusCode.interpret(3000) : StatusCode.interpret(vaspStatus);
            default -> StatusCode.interpret(3000);
        };
        if (call.kind() == OutboundKind.DELIVER) {
            MoMessage mo = em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class)
                    .setParameter("linkedId", call.messageId()).getSingleResult();
            // a reply-charged reply is paid by its recipient, the VASP, against the message replied to
            ChargedOperation op = new ChargedOperation(call.vaspId(), null, null, mo.linkedId(), mo.sender(),
                    mo.shortCode(), 1, mo.size(), mo.text() == null ? null : "text/plain",
                    mo.replyChargingId() == null ? null : "RECIPIENT", null, null, null);
            RecordDetails details = RecordDetails.addresses(AddressType.NUMBER, AddressType.SHORT_CODE)
                    .withReplyChargingId(mo.replyChargingId());
            String failure = state == OutboundState.SENT ? null : text;
            // the request (MM7DRqRecord) and the VASP's answer (MM7DRsRecord), charged together once answered
            charging.record(ChargingEvent.of(RecordType.MM7_DELIVER, op, status, state.name(), failure).describedBy(details));
            // the answer's ServiceCode (DeliverRsp) is charged with the response
            ChargedOperation answered = new ChargedOperation(op.vaspId(), op.vasId(), op.messageId(), op.linkedId(),
                    op.sender(), op.recipient(), op.recipientCount(), op.messageSize(), op.contentType(),
                    op.chargedParty(), op.priority(), op.messageClass(), call.vaspServiceCode());
            charging.record(ChargingEvent.of(RecordType.MM7_DELIVER_RESPONSE, answered, status, state.name(), failure)
                    .describedBy(details));
            return;
        }
        Recipient r = em.find(Recipient.class, call.recipientId());
        if (r != null) {
            RecordType request = call.kind() == OutboundKind.DELIVERY_REPORT
                    ? RecordType.MM7_DELIVERY_REPORT : RecordType.MM7_READ_REPLY;
            RecordDetails details = RecordDetails.of(r.message()).withRecipient(r.address(), r.kind())
                    .withMmStatus(call.mmStatus(), call.eventAt());
            charging.record(ChargingEvent.forRecipient(request, r, status, state.name()).describedBy(details));
            charging.record(ChargingEvent.forRecipient(request.response(), r, status, state.name()).describedBy(details));
        }
    }
}
