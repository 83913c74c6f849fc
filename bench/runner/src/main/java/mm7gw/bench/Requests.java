package mm7gw.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The MM7 requests the benchmark sends: a submit with a text or image attachment (SOAP with Attachments). */
final class Requests {
    static final String NS = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4";
    static final String BOUNDARY = "bench-outer-boundary";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** TransactionIDs are unique per run: the gateway answers a TransactionID it has seen with its first answer. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    final String contentType = "multipart/related; boundary=\"" + BOUNDARY + "\"; type=\"text/xml\"; start=\"<soap>\"";
    private final byte[] attachmentTail;

    private Requests(String partType, byte[] body, boolean base64) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        write(a, "--" + BOUNDARY + "\r\nContent-Type: " + partType + "\r\nContent-ID: <content>\r\n"
                + "Content-Transfer-Encoding: " + (base64 ? "base64" : "binary") + "\r\n\r\n");
        a.writeBytes(base64 ? Base64.getMimeEncoder().encode(body) : body);
        write(a, "\r\n--" + BOUNDARY + "--\r\n");
        attachmentTail = a.toByteArray();
    }

    /** (a) 1 KB of text/plain */
    static Requests text1k() {
        byte[] text = new byte[1024];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        return new Requests("text/plain; charset=us-ascii", text, false);
    }

    /** (b) a 100 KB image, base64-encoded as most VASPs send it */
    static Requests image100k() {
        byte[] image = new byte[100 * 1024];
        new Random(7).nextBytes(image);
        return new Requests("image/jpeg", image, true);
    }

    /** A complete request body for these recipients (To numbers). */
    byte[] submit(String vaspId, String vasId, String... numbers) {
        StringBuilder to = new StringBuilder();
        for (String n : numbers) {
            to.append("<Number>").append(n).append("</Number>");
        }
        String soap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header>"
                + "<mm7:TransactionID xmlns:mm7=\"" + NS + "\" env:mustUnderstand=\"1\">bench-" + RUN + "-"
                + SEQUENCE.incrementAndGet() + "</mm7:TransactionID></env:Header><env:Body>"
                + "<SubmitReq xmlns=\"" + NS + "\"><MM7Version>6.8.0</MM7Version><SenderIdentification>"
                + "<VASPID>" + vaspId + "</VASPID><VASID>" + vasId + "</VASID>"
                + "<SenderAddress><ShortCode>4455</ShortCode></SenderAddress></SenderIdentification>"
                + "<Recipients><To>" + to + "</To></Recipients><ServiceCode>bench</ServiceCode>"
                + "<Subject>benchmark</Subject><Content href=\"cid:content\"/></SubmitReq></env:Body></env:Envelope>";
        ByteArrayOutputStream out = new ByteArrayOutputStream(attachmentTail.length + soap.length() + 200);
        write(out, "--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <soap>\r\n\r\n");
        write(out, soap);
        write(out, "\r\n");
        out.writeBytes(attachmentTail);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
