package mm7gw.relay.control;

import mm7gw.relay.entity.OutboundState;
import mm7gw.wire.VaspAnswerReading;

/**
 * What the gateway makes of a VASP's HTTP answer to an RS -> VASP request (the answer itself is read through the
 * generated MM7 types by {@link VaspAnswerReading}):
 * <ul>
 * <li>a response (e.g. DeliveryReportRsp) with a 1xxx StatusCode: sent;</li>
 * <li>a response with any other StatusCode, or a SOAP fault carrying VASPErrorRsp (§8.7.4.2, §8.7.5.2): a VASP
 * error, recorded with the VASP's status and text and not retried;</li>
 * <li>no answer, HTTP 5xx without a VASPErrorRsp, 408 or 429: retried (the caller rolls back);</li>
 * <li>an empty HTTP 2xx: sent if the VASP's configuration says so, else refused;</li>
 * <li>any other HTTP status (401, 404, ...) or an answer that is not MM7: refused, not retried.</li>
 * </ul>
 * Read strictly ({@link #read(int, String, boolean, String, String)}), a response must be the response element of
 * the request sent (a DeliveryReportRsp for a DeliveryReportReq) and echo its TransactionID, else it is refused
 * with the reason; a VASP status 3000 (Server Error) or 4006 (Service unavailable), in a response or a
 * VASPErrorRsp, is transient and retried with the back-off of other transient failures.
 *
 * @param serviceCode the ServiceCode of a DeliverRsp, exactly as written; null without one
 */
public record VaspAnswer(OutboundState state, boolean retry, Integer vaspStatus, String text, String serviceCode) {

    public static VaspAnswer retry(String why) {
        return new VaspAnswer(OutboundState.QUEUED, true, null, why, null);
    }

    /**
     * @param expectedResponse the response element the request calls for (DeliveryReportRsp, ...)
     * @param transactionId    the TransactionID the request was sent with
     */
    public static VaspAnswer read(int httpStatus, String body, boolean emptyResponseIsAck, String expectedResponse,
            String transactionId) {
        boolean empty = body == null || body.isBlank();
        VaspAnswerReading reading = empty ? null : VaspAnswerReading.of(body);
        VaspAnswer answer = read(httpStatus, empty, reading, emptyResponseIsAck);
        if (answer.vaspStatus() == null || answer.state() == OutboundState.REFUSED) {
            return answer;
        }
        if (!reading.fault() && !expectedResponse.equals(reading.element())) {
            return new VaspAnswer(OutboundState.REFUSED, false, answer.vaspStatus(), "the VASP answered "
                    + (reading.element() == null ? "no response element" : reading.element()) + " instead of "
                    + expectedResponse, null);
        }
        String echoed = reading.transactionId();
        if (!transactionId.equals(echoed)) {
            return new VaspAnswer(OutboundState.REFUSED, false, answer.vaspStatus(), echoed == null
                    ? "the answer does not echo the TransactionID '" + transactionId + "'"
                    : "the answer echoes TransactionID '" + echoed + "', not the request's '" + transactionId + "'",
                    null);
        }
        int code = answer.vaspStatus();
        if (code == 3000 || code == 4006) {
            return retry("VASP status " + code + (answer.text() == null ? "" : " " + answer.text()));
        }
        return answer;
    }

    /** The answer read leniently: its status, without checking that it answers the request sent. */
    public static VaspAnswer read(int httpStatus, String body, boolean emptyResponseIsAck) {
        boolean empty = body == null || body.isBlank();
        return read(httpStatus, empty, empty ? null : VaspAnswerReading.of(body), emptyResponseIsAck);
    }

    private static VaspAnswer read(int httpStatus, boolean empty, VaspAnswerReading reading,
            boolean emptyResponseIsAck) {
        if (httpStatus >= 200 && httpStatus < 300 && empty) {
            return emptyResponseIsAck ? new VaspAnswer(OutboundState.SENT, false, null, "empty HTTP " + httpStatus, null)
                    : new VaspAnswer(OutboundState.REFUSED, false, null, "empty HTTP " + httpStatus
                            + " (not configured as an acknowledgement)", null);
        }
        boolean xml = reading != null && reading.xml();
        boolean fault = xml && reading.fault();
        if (xml && reading.hasStatus()) {
            Integer code = reading.statusCode();
            if (code == null) {
                return new VaspAnswer(OutboundState.REFUSED, false, null, "unreadable StatusCode '"
                        + reading.unreadableStatusCode() + "'", null);
            }
            String text = join(reading.statusText(), reading.details());
            if (code >= 1000 && code < 2000 && !fault && httpStatus >= 200 && httpStatus < 300) {
                return new VaspAnswer(OutboundState.SENT, false, code, text, reading.serviceCode());
            }
            return new VaspAnswer(OutboundState.VASP_ERROR, false, code, text, null);
        }
        if (fault && httpStatus < 500) {
            return new VaspAnswer(OutboundState.VASP_ERROR, false, null, reading.faultString(), null);
        }
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429) {
            return retry("HTTP " + httpStatus + (fault ? ": " + reading.faultString() : ""));
        }
        return new VaspAnswer(OutboundState.REFUSED, false, null, "HTTP " + httpStatus
                + (xml ? " without an MM7 status" : empty ? "" : " with an answer that is not XML"), null);
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + ": " + b;
    }
}
