package mm7gw.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart bodies byte by byte, the way a VASP's MIME library would put them on the wire. */
final class Mime {
    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Mime(String boundary) {
        this.boundary = boundary;
    }

    /** A part: its header lines (each without line break) and its body bytes as they go on the wire. */
    Mime part(byte[] body, String... headers) {
        ascii("--" + boundary + "\r\n");
        for (String h : headers) {
            ascii(h + "\r\n");
        }
        ascii("\r\n");
        out.writeBytes(body);
        ascii("\r\n");
        return this;
    }

    Mime part(String body, String... headers) {
        return part(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    byte[] end() {
        ascii("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
