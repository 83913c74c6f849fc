package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import mm7gw.status.StatusCode;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.Xml;
import org.junit.jupiter.api.Test;

/** The binding's own limits, without a server: nesting, recipient count, and what a request digest covers. */
class HostileEnvelopeTest {
    private static final String NS = Mm7Release.CANONICAL.namespace();

    private static String submit(String recipients, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/">
                 <e:Header><m:TransactionID xmlns:m="%1$s">t-1</m:TransactionID></e:Header>
                 <e:Body><m:SubmitReq xmlns:m="%1$s"><m:MM7Version>6.8.0</m:MM7Version>
                  <m:Recipients><m:To>%2$s</m:To></m:Recipients>%3$s</m:SubmitReq></e:Body></e:Envelope>"""
                .formatted(NS, recipients, extra);
    }

    private static InboundReader reader() {
        try (var xsd = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/main/webapp/WEB-INF/wsdl/REL-6-MM7-1-4.xsd"))) {
            return new InboundReader(Set.of("SubmitReq"), SchemaVocabulary.read(xsd));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nestingDeeperThanTheLimitIsAValidationError() {
        String deep = "<m:Subject>" + "<x>".repeat(Xml.MAX_ELEMENT_DEPTH) + "</x>".repeat(Xml.MAX_ELEMENT_DEPTH) + "</m:Subject>";
        WireFault f = assertThrows(WireFault.class, () -> reader().read("text/xml", utf8(submit("<m:Number>1</m:Number>", deep))));
        assertEquals(StatusCode.VALIDATION_ERROR, f.status());
        assertTrue(f.details().contains("depth"), f.details());
    }

    @Test
    void moreRecipientsThanTheServerWideLimitAreRefusedBeforeTheyAreRead() {
        String many = "<m:Number>1</m:Number>".repeat(InboundReader.MAX_RECIPIENTS + 1);
        WireFault f = assertThrows(WireFault.class, () -> reader().read("text/xml", utf8(submit(many, ""))));
        assertEquals(StatusCode.OPERATION_RESTRICTED, f.status());
        assertTrue(f.details().contains((InboundReader.MAX_RECIPIENTS + 1) + " recipient addresses"), f.details());
    }

    @Test
    void theDigestIgnoresMimeBoundariesButNotTheContent() throws Exception {
        String envelope = submit("<m:Number>1</m:Number>", "<m:Content href=\"cid:c\"/>");
        String first = digest(envelope, "boundary-one", "hello");
        assertEquals(first, digest(envelope, "boundary-two", "hello"));
        assertNotEquals(first, digest(envelope, "boundary-one", "hello!"));
    }

    private static String digest(String envelope, String boundary, String content) throws Exception {
        String body = "--" + boundary + "\r\nContent-Type: text/xml\r\nContent-ID: <soap>\r\n\r\n" + envelope
                + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-ID: <c>\r\n\r\n" + content
                + "\r\n--" + boundary + "--\r\n";
        InboundReader.Result r = reader().read("multipart/related; boundary=\"" + boundary + "\"; start=\"<soap>\"",
                utf8(body));
        return RequestDigest.of(r.canonical(), r.inbound().content());
    }
}
