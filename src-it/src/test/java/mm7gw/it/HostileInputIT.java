package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Requests built to hurt the gateway: each is answered with a specific MM7 status in an RSErrorRsp, nothing is
 * stored, and the server serves the next ordinary submit at once. Covered elsewhere and not repeated here: a SOAP
 * 1.2 envelope, invalid enumerations, booleans and dates (WireFormatIT); a multipart without boundary, without
 * its start part, truncated, or with a cid pointing nowhere (AttachmentsIT); an unknown MM7 namespace
 * (VersionsIT).
 */
class HostileInputIT {
    private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;
    /**
     * What the binding reads from a VASP with the default level (1 MiB of content): the content, half as much again
     * for a transfer encoding, and 1 MiB for the envelope ({@code mm7.request.envelope-allowance}).
     */
    private static final int DEFAULT_LEVEL_REQUEST_BYTES = MIB + MIB / 2 + MIB;
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    /** After every attack: an ordinary submit is accepted straight away. */
    @AfterEach
    void serverStillServes() {
        String tx = Gateway.unique("after");
        long start = System.nanoTime();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, "<To><Number>447700900611</Number></To>"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "the follow-up submit took " + millis + " ms");
    }

    private static String submit(String tx) {
        return Envelopes.submit(tx, vasp, "<To><Number>447700900610</Number></To>");
    }

    /** The submit with a prolog (DOCTYPE) between the XML declaration and the envelope. */
    private static String withDoctype(String tx, String doctype, String subject) {
        return submit(tx).replaceFirst("\\?>\\s*", "?>\n" + doctype + "\n")
                .replace("<Subject>Today's forecast</Subject>", "<Subject>" + subject + "</Subject>");
    }

    private static Document refused(HttpResponse<String> r, String status, String faultCode, String tx) {
        Document d = SubmitRefusalIT.assertRsError(r, status, faultCode);
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), "nothing stored for " + tx);
        return d;
    }

    @Test
    void anExternalEntityIsRefusedUnresolved() {
        String tx = Gateway.unique("xxe");
        String body = withDoctype(tx, "<!DOCTYPE env:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
        HttpResponse<String> r = Gateway.postSoap(vasp, body);
        Document d = refused(r, "4004", "Client", tx);
        assertTrue(mm7(d, "Details").contains("DOCTYPE"), mm7(d, "Details"));
        assertFalse(r.body().contains("root:"), "the file must not be read: " + r.body());
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        String tx = Gateway.unique("dtd");
        try (java.net.ServerSocket trap = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(1);
            String body = withDoctype(tx, "<!DOCTYPE env:Envelope SYSTEM \"http://127.0.0.1:" + trap.getLocalPort()
                    + "/evil.dtd\">", "external DTD");
            refused(Gateway.postSoap(vasp, body), "4004", "Client", tx);
            try (java.net.Socket fetched = trap.accept()) {
                throw new AssertionError("the gateway connected to the DTD's URL");
            } catch (java.net.SocketTimeoutException expected) {
                // nobody came for the DTD
            }
        }
    }

    @Test
    void entityExpansionIsRefusedQuickly() {
        String tx = Gateway.unique("lol");
        StringBuilder dtd = new StringBuilder("<!DOCTYPE env:Envelope [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        long start = System.nanoTime();
        HttpResponse<String> r = Gateway.postSoap(vasp, withDoctype(tx, dtd.toString(), "&lol9;"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        refused(r, "4004", "Client", tx);
        assertTrue(millis < 5_000, "refusing a billion laughs took " + millis + " ms");
    }

    @Test
    void tenThousandLevelsOfNestingAreRefused() {
        String tx = Gateway.unique("deep");
        String deep = "<x>".repeat(10_000) + "</x>".repeat(10_000);
        String body = submit(tx).replace("<Subject>Today's forecast</Subject>", "<Subject>" + deep + "</Subject>");
        Document d = refused(Gateway.postSoap(vasp, body), "4004", "Client", tx);
        assertTrue(mm7(d, "Details").contains("depth"), mm7(d, "Details"));
    }

    /**
     * 4 MB declared, under the server-wide 20 MB but over what this VASP's service level (1 MiB of content) lets it
     * send: refused on the Content-Length, not one byte read.
     */
    @Test
    void aBodyDeclaredOverTheVaspsOwnLimitIsRefusedBeforeItIsRead() throws Exception {
        String tx = Gateway.unique("own");
        String[] around = submit(tx).split("Today's forecast");
        RawHttp.Body body = new RawHttp.Body(around[0].getBytes(StandardCharsets.UTF_8), (byte) 'A',
                4L * MIB, around[1].getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer a = RawHttp.post(vasp, "text/xml; charset=utf-8", body, false);
        assertEquals(0, a.bytesSent(), "refused on the Content-Length, before reading the body: " + a.body());
        assertTooLarge(a, tx);
        assertTrue(mm7(xml(a.body()), "Details").contains("at most " + MIB + " bytes of content"), a.body());
    }

    /**
     * Chunked: 4 MB of an attachment are sent, then nothing more (the body does not end). The binding has passed
     * the VASP's 2.5 MiB and answers 2004 while the client waits, without the rest; with the server-wide 20 MB it
     * would still be waiting for more.
     */
    @Test
    void aChunkedAttachmentIsAnsweredAsSoonAsItPassesTheVaspsOwnLimit() throws Exception {
        String tx = Gateway.unique("own-att");
        RawHttp.Answer a = RawHttp.postWithoutEnd(vasp, multipartType("own-boundary"),
                attachment(tx, "own-boundary", 4L * MIB), 10_000);
        assertTooLarge(a, tx);
        assertTrue(mm7(xml(a.body()), "Details").contains("more than " + DEFAULT_LEVEL_REQUEST_BYTES + " bytes"),
                a.body());
    }

    /** The most content the default level allows, base64-encoded as many VASPs send it, still gets through. */
    @Test
    void theLevelsLargestContentBase64EncodedIsAccepted() {
        String tx = Gateway.unique("b64");
        byte[] content = new byte[MIB];
        new java.util.Random(17).nextBytes(content);
        byte[] request = new Mime("b64-boundary")
                .part(submit(tx).replace("</SubmitReq>", "<Content href=\"cid:big\"/></SubmitReq>"),
                        "Content-Type: text/xml; charset=utf-8", "Content-ID: <soap>")
                .part(java.util.Base64.getMimeEncoder().encode(content), "Content-Type: application/octet-stream",
                        "Content-ID: <big>", "Content-Transfer-Encoding: base64")
                .end();
        assertTrue(request.length > MIB + MIB / 3, "the request is " + request.length + " bytes on the wire");
        HttpResponse<String> r = Gateway.post(vasp, multipartType("b64-boundary"), request, "\"\"");
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    /**
     * The limit is the largest of the VASP's levels: a service with a level of its own that allows 4 MiB may send 3
     * MiB although the VASP-wide level allows 1 MiB (the binding reads before it knows which service a request is
     * for; the service level itself is applied afterwards, as for every request).
     */
    @Test
    void aServiceWhoseOwnLevelAllowsMoreMaySendMore() {
        Gateway.Vasp big = Gateway.newVasp();
        ServiceLevels.changeOfService(big.vaspId(), big.vasId(), b -> b.add("maxMessageSize", 4 * MIB));
        String tx = Gateway.unique("svc-big");
        byte[] content = new byte[3 * MIB];
        new java.util.Random(18).nextBytes(content);
        byte[] request = new Mime("svc-boundary")
                .part(Envelopes.submit(tx, big, "<To><Number>447700900612</Number></To>")
                                .replace("</SubmitReq>", "<Content href=\"cid:big\"/></SubmitReq>"),
                        "Content-Type: text/xml; charset=utf-8", "Content-ID: <soap>")
                .part(content, "Content-Type: application/octet-stream", "Content-ID: <big>",
                        "Content-Transfer-Encoding: binary")
                .end();
        HttpResponse<String> r = Gateway.post(big, multipartType("svc-boundary"), request, "\"\"");
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    private static String multipartType(String boundary) {
        return "multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"; start=\"<soap>\"";
    }

    /** A submit with one binary attachment of {@code size} filler bytes. */
    private static RawHttp.Body attachment(String tx, String boundary, long size) {
        String envelope = submit(tx).replace("</SubmitReq>", "<Content href=\"cid:big\"/></SubmitReq>");
        String head = "--" + boundary + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <soap>\r\n\r\n"
                + envelope + "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <big>\r\n\r\n";
        return new RawHttp.Body(head.getBytes(StandardCharsets.UTF_8), (byte) 7, size,
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void a50MegabyteTextNodeIsRefusedOnItsDeclaredSize() throws Exception {
        String tx = Gateway.unique("big");
        String[] around = submit(tx).split("Today's forecast");
        RawHttp.Body body = new RawHttp.Body(around[0].getBytes(StandardCharsets.UTF_8), (byte) 'A',
                50L * 1024 * 1024, around[1].getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer a = RawHttp.post(vasp, "text/xml; charset=utf-8", body, false);
        assertEquals(0, a.bytesSent(), "refused on the Content-Length, before reading the body");
        assertTooLarge(a, tx);
    }

    /**
     * Chunked, so the size is not known up front. The binding stops buffering at the VASP's limit and answers 2004
     * at once; Undertow discards what the client still sends up to its 64 MB hard cap and then drops the
     * connection, so the server never takes in the whole 100 MB.
     */
    @Test
    void anAttachmentOverTheLimitIsRefusedWhileStreaming() throws Exception {
        String tx = Gateway.unique("att");
        RawHttp.Answer a = RawHttp.post(vasp, multipartType("hostile-boundary"),
                attachment(tx, "hostile-boundary", 100L * 1024 * 1024), true);
        System.out.printf("MM7 hostile: a chunked 100 MB attachment was cut off after %d of %d bytes (answer %d)%n",
                a.bytesSent(), a.bytesOffered(), a.status());
        assertTrue(a.refusedEarly(), "the server read the whole 100 MB body");
        assertTrue(a.bytesSent() < 64L * 1024 * 1024 + 8L * 1024 * 1024, "sent " + a.bytesSent() + " bytes");
        if (a.status() != 0) {
            assertTooLarge(a, tx);
        }
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    /** 10,000 tiny MIME parts (about 600 KB, well under the size limit): refused at the 101st part. */
    @Test
    void tenThousandMimePartsAreRefusedAtTheLimit() {
        String tx = Gateway.unique("parts");
        String boundary = "many-parts";
        StringBuilder b = new StringBuilder("--").append(boundary)
                .append("\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <soap>\r\n\r\n").append(submit(tx))
                .append("\r\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("--").append(boundary).append("\r\nContent-Type: text/plain\r\nContent-ID: <p").append(i)
                    .append(">\r\n\r\nx\r\n");
        }
        b.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = Gateway.post(vasp, "multipart/related; type=\"text/xml\"; boundary=\"" + boundary
                + "\"; start=\"<soap>\"", b.toString().getBytes(StandardCharsets.UTF_8), "\"\"");
        Document d = refused(r, "2004", "Client", tx);
        assertTrue(mm7(d, "Details").contains("more than 100 MIME parts"), mm7(d, "Details"));
        assertTrue(mm7(d, "Details").contains("mm7.max-mime-parts"), mm7(d, "Details"));
    }

    @Test
    void aBodyDeclaredOverTheServersHardCapIsRefusedByTheWebServer() throws Exception {
        // Undertow's max-post-size (gateway.cli), Grizzly's max-post-size-bytes (payara.sh): 64 MB
        String tx = Gateway.unique("huge");
        String[] around = submit(tx).split("Today's forecast");
        RawHttp.Body body = new RawHttp.Body(around[0].getBytes(StandardCharsets.UTF_8), (byte) 'A',
                100L * 1024 * 1024, around[1].getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer a = RawHttp.post(vasp, "text/xml; charset=utf-8", body, false);
        assertEquals(0, a.bytesSent(), "refused on the Content-Length, before reading the body");
        assertTrue(a.status() == 400 || a.status() == 413, a.status() + " " + a.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    private static void assertTooLarge(RawHttp.Answer a, String tx) {
        assertEquals(500, a.status(), a.body());
        Document d = xml(a.body());
        assertEquals("2004", mm7(d, "StatusCode"), a.body());
        assertTrue(mm7(d, "Details").contains("at most " + DEFAULT_LEVEL_REQUEST_BYTES + " bytes per request"),
                a.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    /**
     * From a VASP whose level sets no message size (so the server-wide 20 MB apply): a VASP with a size limit gets
     * 2004 for these 2.9 MB already, which exceed its envelope allowance.
     */
    @Test
    void aHundredThousandRecipientsAreRejected() {
        String tx = Gateway.unique("many");
        Gateway.Vasp unlimited = Gateway.newVasp();
        ServiceLevels.change(unlimited.vaspId(), b -> b.addNull("maxMessageSize"));
        StringBuilder to = new StringBuilder(100_000 * 30).append("<To>");
        for (int i = 0; i < 100_000; i++) {
            to.append("<Number>4477009").append(String.format("%05d", i)).append("</Number>");
        }
        to.append("</To>");
        HttpResponse<String> r = Gateway.postSoap(unlimited, Envelopes.submit(tx, unlimited, to.toString()));
        Document d = SubmitRefusalIT.assertRsError(r, "2001", "Client");
        assertTrue(mm7(d, "Details").contains("100000 recipient addresses"), mm7(d, "Details"));
        assertEquals(0, Gateway.messagesOfTransaction(unlimited.vaspId(), tx).size());
    }

    @Test
    void bytesThatAreNotUtf8AreAValidationError() {
        String tx = Gateway.unique("latin");
        byte[] body = submit(tx).replace("Today's forecast", "Pr\u00e9vision").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = Gateway.post(vasp, "text/xml; charset=utf-8", body, "\"\"");
        Document d = refused(r, "4004", "Client", tx);
        assertTrue(mm7(d, "Details").contains("XML"), mm7(d, "Details"));
    }

    @Test
    void aWrongEnvelopeNamespaceIsAValidationError() {
        String tx = Gateway.unique("ns");
        String body = submit(tx).replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:not-soap");
        Document d = refused(Gateway.postSoap(vasp, body), "4004", "Client", tx);
        assertTrue(mm7(d, "Details").contains("urn:not-soap"), mm7(d, "Details"));
    }

    @Test
    void aSlowlorisClientIsDisconnected() throws Exception {
        // WildFly: request-parse-timeout (gateway.cli, tls.cli), 10 s; Payara: mm7.http.request-parse-timeout of the
        // ListenerGuard in front of the HTTPS listeners (payara.sh), 10 s. A request whose head takes longer is dropped,
        // on the MM7 endpoint's listener and on the admin side's.
        javax.net.SocketFactory sockets = Gateway.ON_WILDFLY ? javax.net.SocketFactory.getDefault()
                : Tls.client(false).sslContext().getSocketFactory();
        for (String base : Gateway.ON_WILDFLY ? List.of(Gateway.BASE, Gateway.ADMIN_BASE)
                : List.of(Gateway.HTTPS_BASE, Gateway.ADMIN_HTTPS_BASE)) {
            long open = RawHttp.dribble(URI.create(base + "/mm7/vasp"), sockets, 500, 30_000);
            System.out.printf("MM7 hostile: a slowloris connection to %s was closed after %d ms%n", base, open);
            assertTrue(open < 25_000, base + " kept a dribbling connection open for " + open + " ms");
        }
    }

    @Test
    void connectionsOverTheListenersLimitAreClosed() throws Exception {
        assumeTrue(!Gateway.ON_WILDFLY, "Undertow keeps connections over its max-connections waiting, not closed");
        // Payara: mm7.http.max-connections (1000) of the ListenerGuard in front of the HTTPS listener (payara.sh)
        URI https = URI.create(Gateway.HTTPS_BASE);
        javax.net.ssl.SSLSocketFactory tls = Tls.client(false).sslContext().getSocketFactory();
        List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
            // 1000 connections that send nothing (the head deadline closes them after 10 s)
            for (int i = 0; i < 1000; i++) {
                held.add(new java.net.Socket(https.getHost(), https.getPort()));
            }
            Thread.sleep(1000);
            try (javax.net.ssl.SSLSocket over = (javax.net.ssl.SSLSocket) tls.createSocket(https.getHost(), https.getPort())) {
                over.setSoTimeout(5000);
                assertThrows(java.io.IOException.class, over::startHandshake, "a connection over the limit is closed");
            }
        } finally {
            for (java.net.Socket s : held) {
                s.close();
            }
        }
        // with those gone the listener serves again
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = Tls.client(false).send(java.net.http.HttpRequest.newBuilder(URI.create(Gateway.HTTPS_BASE
                        + "/mm7/vasp?wsdl")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        assertEquals(200, status);
    }
}
