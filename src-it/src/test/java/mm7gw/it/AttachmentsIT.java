package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * SOAP with Attachments (multipart/related): the MIME entity a submit's Content href refers to is stored as
 * received, byte for byte, with the transfer encoding removed; broken MIME gets its own status and stores nothing.
 */
class AttachmentsIT {
    private static final String OUTER = "==MM7-outer-4f2a==";
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    private static String envelope(String tx, String contentElement) {
        return Envelopes.submitIn(Gateway.NS, "6.8.0", tx, vasp,
                "<mm7:To><mm7:Number>447700900501</mm7:Number></mm7:To>", contentElement);
    }

    private static byte[] image(int size, long seed) {
        byte[] png = new byte[size];
        new Random(seed).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        return png;
    }

    private static HttpResponse<String> post(byte[] body, String contentType) {
        return Gateway.post(vasp, contentType, body, "\"\"");
    }

    private static String acceptedMessageId(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"), r.body());
        return mm7(d, "MessageID");
    }

    private static HttpResponse<byte[]> storedContent(String messageId) {
        HttpResponse<byte[]> c = Gateway.content(messageId);
        assertEquals(200, c.statusCode(), new String(c.body(), StandardCharsets.UTF_8));
        return c;
    }

    @Test
    void aNestedMultipartWithAnImageAndATextPartRoundTripsByteForByte() throws Exception {
        String tx = Gateway.unique("tx");
        byte[] png = image(3000, 1);
        byte[] text = "Heute: sonnig, 21 °C — Grüße!\r\nZeile zwei\n".getBytes(StandardCharsets.UTF_8);
        byte[] inner = new Mime("inner-b7")
                .part(Base64.getMimeEncoder().encode(png), "Content-Type: image/png", "Content-ID: <logo@vasp>",
                        "Content-Location: logo.png", "Content-Transfer-Encoding: base64")
                .part(text, "Content-Type: text/plain; charset=utf-8", "Content-ID: <text@vasp>",
                        "Content-Location: forecast.txt", "Content-Transfer-Encoding: binary")
                .end();
        byte[] request = new Mime(OUTER)
                .part(envelope(tx, "<mm7:Content href=\"cid:mm-body@vasp\" allowAdaptations=\"True\"/>"),
                        "Content-Type: text/xml; charset=\"utf-8\"", "Content-ID: <soap-part@vasp>")
                .part(inner, "Content-Type: multipart/mixed; boundary=\"inner-b7\"", "Content-ID: <mm-body@vasp>",
                        "Content-Transfer-Encoding: binary")
                .end();

        String messageId = acceptedMessageId(post(request,
                "multipart/related; boundary=\"" + OUTER + "\"; type=\"text/xml\"; start=\"<soap-part@vasp>\""));

        HttpResponse<byte[]> stored = storedContent(messageId);
        assertSameContentType("multipart/mixed; boundary=\"inner-b7\"", stored);
        assertArrayEquals(inner, stored.body(), "the nested multipart, inner headers and boundaries included");
        // and the recipient's mailbox hands out the same bytes (a retrieval, MM1 side)
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, java.time.Duration.ofSeconds(30));
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/447700900501/messages/" + messageId + "/retrieve", null)
                .statusCode());
        HttpResponse<byte[]> retrieved = Gateway.adminBytes("/api/mailboxes/447700900501/messages/" + messageId + "/content");
        assertEquals(200, retrieved.statusCode(), new String(retrieved.body(), StandardCharsets.UTF_8));
        assertSameContentType("multipart/mixed; boundary=\"inner-b7\"", retrieved);
        assertArrayEquals(inner, retrieved.body(), "the recipient gets the content byte for byte");
        String storedText = new String(stored.body(), StandardCharsets.ISO_8859_1);
        for (String header : new String[] {"Content-ID: <logo@vasp>", "Content-Location: logo.png",
                "Content-Type: text/plain; charset=utf-8", "Content-ID: <text@vasp>", "Content-Location: forecast.txt"}) {
            assertTrue(storedText.contains(header), header);
        }
    }

    @Test
    void aBase64ContentPartIsStoredDecodedAndABinaryOneAsSent() {
        byte[] png = image(5000, 2);
        String tx = Gateway.unique("tx");
        // start without angle brackets, Content-ID without them either: both seen in the wild
        byte[] request = new Mime(OUTER)
                .part(envelope(tx, "<mm7:Content href=\"cid:picture\"/>"), "Content-Type: text/xml", "Content-ID: <soap>")
                .part(Base64.getMimeEncoder().encode(png), "Content-Type: image/png", "Content-ID: picture",
                        "Content-Transfer-Encoding: base64")
                .end();
        HttpResponse<byte[]> stored = storedContent(acceptedMessageId(post(request,
                "multipart/related; boundary=\"" + OUTER + "\"; type=text/xml; start=soap")));
        assertSameContentType("image/png", stored);
        assertArrayEquals(png, stored.body());

        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String tx2 = Gateway.unique("tx");
        // no start parameter: the first part is the envelope; the reference matches Content-Location
        byte[] binary = new Mime(OUTER)
                .part(envelope(tx2, "<mm7:Content href=\"all-bytes.bin\"/>"), "Content-Type: text/xml")
                .part(all, "Content-Type: application/octet-stream", "Content-Location: all-bytes.bin",
                        "Content-Transfer-Encoding: binary")
                .end();
        HttpResponse<byte[]> storedBinary = storedContent(acceptedMessageId(post(binary,
                "multipart/related; type=\"text/xml\"; boundary=\"" + OUTER + "\"")));
        assertArrayEquals(all, storedBinary.body());
    }

    @Test
    void replaceTakesNewContentAsAnAttachment() {
        String messageId = acceptedMessageId(Gateway.postSoap(vasp, envelope(Gateway.unique("tx"), "")));
        byte[] gif = image(700, 3);
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER)
                .part(Envelopes.replace(tx, vasp, messageId, "<Content href=\"cid:new-content\"/>"),
                        "Content-Type: text/xml", "Content-ID: <soap>")
                .part(gif, "Content-Type: image/gif", "Content-ID: <new-content>", "Content-Transfer-Encoding: binary")
                .end();
        HttpResponse<String> r = post(request, "multipart/related; boundary=\"" + OUTER + "\"; start=\"<soap>\"");
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"), r.body());
        assertEquals(tx, mm7(d, "TransactionID"));
        HttpResponse<byte[]> stored = storedContent(messageId);
        assertSameContentType("image/gif", stored);
        assertArrayEquals(gif, stored.body());
    }

    @Test
    void flatMediaPartsWithoutAContentElementAreKeptTogether() {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER)
                .part(envelope(tx, ""), "Content-Type: text/xml", "Content-ID: <soap>")
                .part("first part", "Content-Type: text/plain", "Content-ID: <p1>")
                .part("second part", "Content-Type: text/plain", "Content-ID: <p2>")
                .end();
        HttpResponse<byte[]> stored = storedContent(acceptedMessageId(post(request,
                "multipart/related; boundary=\"" + OUTER + "\"; start=\"<soap>\"")));
        assertTrue(stored.headers().firstValue("Content-Type").orElse("").startsWith("multipart/mixed"));
        String body = new String(stored.body(), StandardCharsets.US_ASCII);
        assertTrue(body.contains("Content-ID: <p1>\r\n\r\nfirst part\r\n"), body);
        assertTrue(body.contains("Content-ID: <p2>\r\n\r\nsecond part\r\n"), body);
    }

    @Test
    void aMultipartWithoutBoundaryIsAValidationError() {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER).part(envelope(tx, ""), "Content-Type: text/xml").end();
        Document d = SubmitRefusalIT.assertRsError(post(request, "multipart/related; type=\"text/xml\""), "4004", "Client");
        assertTrue(mm7(d, "Details").contains("boundary"), mm7(d, "Details"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aMissingStartPartIsAValidationError() {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER).part(envelope(tx, ""), "Content-Type: text/xml", "Content-ID: <soap>").end();
        Document d = SubmitRefusalIT.assertRsError(post(request,
                "multipart/related; boundary=\"" + OUTER + "\"; start=\"<elsewhere>\""), "4004", "Client");
        assertTrue(mm7(d, "Details").contains("<elsewhere>"), mm7(d, "Details"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aTruncatedMultipartIsAValidationError() {
        String tx = Gateway.unique("tx");
        byte[] full = new Mime(OUTER).part(envelope(tx, ""), "Content-Type: text/xml").end();
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - OUTER.length() - 8);
        SubmitRefusalIT.assertRsError(post(truncated, "multipart/related; boundary=\"" + OUTER + "\""), "4004", "Client");
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aDanglingContentReferenceIsContentRefused() {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER)
                .part(envelope(tx, "<mm7:Content href=\"cid:not-there\"/>"), "Content-Type: text/xml", "Content-ID: <soap>")
                .part("hello", "Content-Type: text/plain", "Content-ID: <other>")
                .end();
        assertContentRefused(post(request, "multipart/related; boundary=\"" + OUTER + "\"; start=\"<soap>\""), tx,
                "cid:not-there");

        String tx2 = Gateway.unique("tx");
        assertContentRefused(Gateway.postSoap(vasp, envelope(tx2, "<mm7:Content href=\"cid:no-attachments\"/>")), tx2,
                "not multipart/related");
    }

    @Test
    void undecodableOrRemoteContentIsContentRefused() {
        String tx = Gateway.unique("tx");
        byte[] request = new Mime(OUTER)
                .part(envelope(tx, "<mm7:Content href=\"cid:img\"/>"), "Content-Type: text/xml", "Content-ID: <soap>")
                .part("this is *not* base64!", "Content-Type: image/png", "Content-ID: <img>",
                        "Content-Transfer-Encoding: base64")
                .end();
        assertContentRefused(post(request, "multipart/related; boundary=\"" + OUTER + "\"; start=\"<soap>\""), tx, "base64");

        String tx2 = Gateway.unique("tx");
        assertContentRefused(Gateway.postSoap(vasp, envelope(tx2, "<mm7:Content href=\"http://vasp.example/mm.mime\"/>")),
                tx2, "http://vasp.example/mm.mime");
    }

    @Test
    void aMessageWithoutContentHasNoContentToShow() {
        String messageId = acceptedMessageId(Gateway.postSoap(vasp, envelope(Gateway.unique("tx"), "")));
        HttpResponse<byte[]> c = Gateway.content(messageId);
        assertEquals(404, c.statusCode());
        assertTrue(new String(c.body(), StandardCharsets.UTF_8).contains("\"error\""));
        assertEquals(404, Gateway.content("no-such-message").statusCode());
    }

    /** The admin API may re-format the header (quotes, spaces); type and parameters must be the same. */
    private static void assertSameContentType(String expected, HttpResponse<byte[]> stored) {
        // (also used for the mailbox's copy)
        String actual = stored.headers().firstValue("Content-Type").orElse("");
        assertEquals(expected.replaceAll("[\\s\"]", "").toLowerCase(), actual.replaceAll("[\\s\"]", "").toLowerCase(),
                "Content-Type " + actual);
    }

    private static void assertContentRefused(HttpResponse<String> r, String tx, String detail) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("2004", mm7(d, "StatusCode"), r.body());
        assertEquals("Multimedia content refused", mm7(d, "StatusText"));
        assertTrue(mm7(d, "Details").contains(detail), r.body());
        assertEquals(tx, mm7(d, "TransactionID"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }
}
