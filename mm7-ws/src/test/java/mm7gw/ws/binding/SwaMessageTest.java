package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mm7gw.status.StatusCode;
import org.junit.jupiter.api.Test;

class SwaMessageTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] allBytes() {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    @Test
    void parsesHeaderParametersTolerantly() {
        HeaderValue v = HeaderValue.parse("Multipart/Related; boundary=\"b 1\";type=text/xml; START=<soap@x>;");
        assertEquals("multipart/related", v.value());
        assertEquals("b 1", v.parameter("boundary"));
        assertEquals("text/xml", v.parameter("type"));
        assertEquals("<soap@x>", v.parameter("start"));
    }

    @Test
    void keepsANestedMultipartByteForByteAndFindsItByCid() throws Exception {
        byte[] inner = concat(bytes("--in\r\nContent-Type: image/png\r\nContent-ID: <img>\r\nContent-Location: a.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"), bytes(Base64.getMimeEncoder().encodeToString(allBytes())),
                bytes("\r\n--in\r\nContent-Type: text/plain; charset=utf-8\r\nContent-ID: <txt>\r\n\r\n"),
                "Grüße\r\n".getBytes(StandardCharsets.UTF_8), bytes("\r\n--in--\r\n"));
        byte[] body = concat(bytes("preamble\r\n--out\r\nContent-Type: text/xml\r\nContent-ID: <soap>\r\n\r\n<x/>\r\n"
                + "--out\r\nContent-Type: multipart/mixed; boundary=\"in\"\r\nContent-ID: <mm@example>\r\n\r\n"), inner,
                bytes("\r\n--out--\r\nepilogue"));
        SwaMessage swa = SwaMessage.parse(HeaderValue.parse("multipart/related; boundary=out; start=\"<soap>\""), body);
        assertArrayEquals(bytes("<x/>"), swa.envelope());
        for (String href : List.of("cid:mm@example", "cid:<mm@example>", "mm@example", "CID:mm%40example", "cid:MM@EXAMPLE")) {
            MimePart p = swa.referenced(href).orElseThrow(() -> new AssertionError(href));
            assertArrayEquals(inner, p.rawBody(), href);
            assertEquals("multipart/mixed; boundary=\"in\"", p.contentType());
        }
        assertTrue(swa.referenced("cid:nothing").isEmpty());
    }

    @Test
    void decodesBase64AndKeepsBinaryWithBareLineFeeds() throws Exception {
        byte[] data = allBytes();
        byte[] body = concat(bytes("--b\nContent-Type: text/xml\n\n<x/>\n--b\nContent-ID: img\nContent-Type: image/gif\n"
                + "Content-Transfer-Encoding: base64\n\n"), bytes(Base64.getMimeEncoder().encodeToString(data)),
                bytes("\n--b\nContent-Location: raw.bin\nContent-Type: application/octet-stream\n\n"), data,
                bytes("\n--b--\n"));
        SwaMessage swa = SwaMessage.parse(HeaderValue.parse("multipart/related; boundary=b"), body);
        assertArrayEquals(data, SwaMessage.MimeEntity.of(swa.referenced("cid:<img>").orElseThrow()).decodedBody());
        assertArrayEquals(data, SwaMessage.MimeEntity.of(swa.referenced("raw.bin").orElseThrow()).decodedBody());
    }

    @Test
    void gathersFlatSiblingPartsWhenThereIsNoContentReference() throws Exception {
        byte[] body = bytes("--b\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n--b\r\nContent-Type: text/plain\r\n\r\none\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--b--\r\n");
        SwaMessage.MimeEntity e = SwaMessage.parse(HeaderValue.parse("multipart/related; boundary=b"), body)
                .unreferencedContent().orElseThrow();
        HeaderValue type = HeaderValue.parse(e.contentType());
        assertEquals("multipart/mixed", type.value());
        List<MimePart> parts = Multipart.parse(e.decodedBody(), type.parameter("boundary"));
        assertEquals(2, parts.size());
        assertArrayEquals(bytes("two"), parts.get(1).rawBody());
    }

    @Test
    void refusesBrokenMultiparts() {
        WireFault noBoundary = assertThrows(WireFault.class,
                () -> SwaMessage.parse(HeaderValue.parse("multipart/related; type=text/xml"), bytes("--b\r\n\r\nx\r\n--b--")));
        assertEquals(StatusCode.VALIDATION_ERROR, noBoundary.status());
        assertTrue(noBoundary.details().contains("boundary"));

        WireFault missingStart = assertThrows(WireFault.class, () -> SwaMessage.parse(
                HeaderValue.parse("multipart/related; boundary=b; start=<soap>"),
                bytes("--b\r\nContent-ID: <other>\r\n\r\n<x/>\r\n--b--\r\n")));
        assertTrue(missingStart.details().contains("<soap>"), missingStart.details());

        WireFault truncated = assertThrows(WireFault.class, () -> SwaMessage.parse(
                HeaderValue.parse("multipart/related; boundary=b"), bytes("--b\r\nContent-ID: <x>\r\n\r\n<x/>")));
        assertTrue(truncated.details().contains("closing boundary"), truncated.details());

        assertThrows(WireFault.class, () -> SwaMessage.parse(HeaderValue.parse("multipart/related; boundary=zz"),
                bytes("--b\r\n\r\nx\r\n--b--")));
    }

    @Test
    void refusesUndecodableTransferEncodings() {
        assertThrows(TransferEncoding.Undecodable.class, () -> TransferEncoding.decode("base64", bytes("@@@@")));
        assertThrows(TransferEncoding.Undecodable.class, () -> TransferEncoding.decode("x-gzip", bytes("abc")));
        assertThrows(TransferEncoding.Undecodable.class, () -> TransferEncoding.decode("quoted-printable", bytes("a=ZZb")));
    }

    @Test
    void decodesQuotedPrintable() throws Exception {
        assertArrayEquals("Grüße a=b".getBytes(StandardCharsets.UTF_8),
                TransferEncoding.decode("Quoted-Printable", bytes("Gr=C3=BC=C3=9Fe =\r\na=3Db")));
    }

    private static byte[] manyParts(int count, boolean closed) {
        StringBuilder b = new StringBuilder("--b\r\nContent-Type: text/xml\r\nContent-ID: <soap>\r\n\r\n<e/>\r\n");
        for (int i = 1; i < count; i++) {
            b.append("--b\r\nContent-Type: text/plain\r\nContent-ID: <p").append(i).append(">\r\n\r\npart ").append(i)
                    .append("\r\n");
        }
        b.append(closed ? "--b--\r\n" : "--b\r\nContent-Type: text/plain\r\n\r\nnever closed");
        return bytes(b.toString());
    }

    @Test
    void aHundredPartsAreAcceptedAndTheHundredAndFirstIsRefusedWith2004NamingTheLimit() throws Exception {
        HeaderValue type = HeaderValue.parse("multipart/related; boundary=b; start=\"<soap>\"");
        assertEquals(99, SwaMessage.parse(type, manyParts(100, true)).attachments().size());
        WireFault f = assertThrows(WireFault.class, () -> SwaMessage.parse(type, manyParts(101, true)));
        assertEquals(StatusCode.CONTENT_REFUSED, f.status());
        assertTrue(f.details().contains("more than 100 MIME parts"), f.details());
        assertTrue(f.details().contains("mm7.max-mime-parts"), f.details());
    }

    @Test
    void beyondThePartLimitTheRestOfTheBodyIsNotSplit() {
        // 100 good parts, then a part that is never closed: refused for the count (2004), not for the broken end
        WireFault f = assertThrows(WireFault.class, () -> Multipart.parse(manyParts(101, false), "b", 100));
        assertEquals(StatusCode.CONTENT_REFUSED, f.status());
        WireFault limitOfThree = assertThrows(WireFault.class, () -> Multipart.parse(manyParts(4, true), "b", 3));
        assertTrue(limitOfThree.details().contains("at most 3"), limitOfThree.details());
    }
}
