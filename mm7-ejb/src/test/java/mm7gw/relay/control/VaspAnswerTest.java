package mm7gw.relay.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mm7gw.relay.entity.OutboundState;
import org.junit.jupiter.api.Test;

class VaspAnswerTest {
    private static final String NS = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2";

    private static String rsp(int code, String text) {
        return "<?xml version=\"1.0\"?><env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<env:Body><DeliveryReportRsp xmlns=\"" + NS + "\"><MM7Version>5.6.0</MM7Version><Status>"
                + "<StatusCode>" + code + "</StatusCode><StatusText>" + text + "</StatusText></Status>"
                + "</DeliveryReportRsp></env:Body></env:Envelope>";
    }

    /** The answer with a TransactionID header, as a strict reading wants it. */
    private static String echoing(String tx, String answer) {
        return answer.replace("<env:Body>", "<env:Header><TransactionID xmlns=\"" + NS + "\">" + tx
                + "</TransactionID></env:Header><env:Body>");
    }

    @Test
    void readStrictlyTheRightElementEchoingTheTransactionIsSent() {
        VaspAnswer a = VaspAnswer.read(200, echoing("out-7", rsp(1000, "Success")), false, "DeliveryReportRsp", "out-7");
        assertEquals(OutboundState.SENT, a.state());
    }

    @Test
    void readStrictlyAnotherElementOrTransactionIsRefused() {
        VaspAnswer wrong = VaspAnswer.read(200, echoing("out-7", rsp(1000, "Success")), false, "ReadReplyRsp", "out-7");
        assertEquals(OutboundState.REFUSED, wrong.state());
        assertTrue(wrong.text().contains("DeliveryReportRsp instead of ReadReplyRsp"), wrong.text());
        VaspAnswer foreign = VaspAnswer.read(200, echoing("out-8", rsp(1000, "Success")), false, "DeliveryReportRsp", "out-7");
        assertEquals(OutboundState.REFUSED, foreign.state());
        assertTrue(foreign.text().contains("out-8"), foreign.text());
        VaspAnswer none = VaspAnswer.read(200, rsp(1000, "Success"), false, "DeliveryReportRsp", "out-7");
        assertEquals(OutboundState.REFUSED, none.state());
    }

    @Test
    void readStrictly3000And4006AreRetriedOtherErrorsAreFinal() {
        assertTrue(VaspAnswer.read(200, echoing("t", rsp(3000, "Busy")), false, "DeliveryReportRsp", "t").retry());
        assertTrue(VaspAnswer.read(200, echoing("t", rsp(4006, "Later")), false, "DeliveryReportRsp", "t").retry());
        VaspAnswer other = VaspAnswer.read(200, echoing("t", rsp(2005, "Unknown")), false, "DeliveryReportRsp", "t");
        assertFalse(other.retry());
        assertEquals(OutboundState.VASP_ERROR, other.state());
    }

    @Test
    void successInAnyNamespaceIsSent() {
        VaspAnswer a = VaspAnswer.read(200, rsp(1000, "Success"), false);
        assertEquals(OutboundState.SENT, a.state());
        assertEquals(1000, a.vaspStatus());
        assertFalse(a.retry());
    }

    @Test
    void anErrorStatusIsAVaspErrorNotRetried() {
        VaspAnswer a = VaspAnswer.read(200, rsp(2005, "Unknown MessageID"), false);
        assertEquals(OutboundState.VASP_ERROR, a.state());
        assertEquals(2005, a.vaspStatus());
        assertEquals("Unknown MessageID", a.text());
        assertFalse(a.retry());
    }

    @Test
    void aVaspErrorRspFaultIsAVaspErrorEvenWithHttp500() {
        String fault = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body><env:Fault>"
                + "<faultcode>env:Client</faultcode><faultstring>no</faultstring><detail><VASPErrorRsp xmlns=\"" + NS
                + "\"><MM7Version>5.6.0</MM7Version><Status><StatusCode>4001</StatusCode><StatusText>Who?</StatusText>"
                + "<Details>unknown relay</Details></Status></VASPErrorRsp></detail></env:Fault></env:Body></env:Envelope>";
        VaspAnswer a = VaspAnswer.read(500, fault, false);
        assertEquals(OutboundState.VASP_ERROR, a.state());
        assertEquals(4001, a.vaspStatus());
        assertEquals("Who?: unknown relay", a.text());
    }

    @Test
    void serverErrorsAndThrottlingAreRetried() {
        assertTrue(VaspAnswer.read(500, "oops", false).retry());
        assertTrue(VaspAnswer.read(503, "", false).retry());
        assertTrue(VaspAnswer.read(429, "", false).retry());
    }

    @Test
    void clientErrorsAndNonMm7AnswersAreRefused() {
        assertEquals(OutboundState.REFUSED, VaspAnswer.read(401, "", false).state());
        assertEquals(OutboundState.REFUSED, VaspAnswer.read(200, "<html>hello</html>", false).state());
        assertEquals(OutboundState.REFUSED, VaspAnswer.read(200, "plain text", false).state());
    }

    @Test
    void anEmptyOkCountsOnlyWhereConfigured() {
        assertEquals(OutboundState.SENT, VaspAnswer.read(200, "", true).state());
        assertEquals(OutboundState.REFUSED, VaspAnswer.read(200, "", false).state());
        assertEquals(OutboundState.SENT, VaspAnswer.read(204, null, true).state());
    }

    @Test
    void aDoctypeIsNotParsed() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + rsp(1000, "&e;")
                .substring(rsp(1000, "").indexOf("<env:Envelope"));
        assertNotEquals(OutboundState.SENT, VaspAnswer.read(200, evil, false).state());
    }

    @Test
    void sealedSecretsOpenOnlyWithTheirKey() {
        var key = SecretBox.keyOf("one key");
        String sealed = SecretBox.seal("pässword", key);
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("pässword"));
        assertNotEquals(sealed, SecretBox.seal("pässword", key), "a fresh IV each time");
        assertEquals("pässword", SecretBox.open(sealed, key));
        assertThrows(IllegalStateException.class, () -> SecretBox.open(sealed, SecretBox.keyOf("another key")));
    }
}
