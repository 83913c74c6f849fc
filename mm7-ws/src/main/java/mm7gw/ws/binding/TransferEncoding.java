package mm7gw.ws.binding;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Removes a part's Content-Transfer-Encoding (RFC 2045 §6): binary, 8bit and 7bit as is; base64; quoted-printable. */
public final class TransferEncoding {
    private TransferEncoding() {
    }

    public static class Undecodable extends Exception {
        Undecodable(String message) {
            super(message, null, false, false);
        }
    }

    public static byte[] decode(String encoding, byte[] raw) throws Undecodable {
        String e = encoding == null ? "binary" : encoding.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (e) {
            case "binary", "8bit", "7bit", "" -> raw;
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw);
            default -> throw new Undecodable("unknown Content-Transfer-Encoding '" + encoding + "'");
        };
    }

    private static byte[] base64(byte[] raw) throws Undecodable {
        ByteArrayOutputStream compact = new ByteArrayOutputStream(raw.length);
        for (byte b : raw) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                compact.write(b);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toByteArray());
        } catch (IllegalArgumentException ex) {
            throw new Undecodable("the base64 body is not valid base64: " + ex.getMessage());
        }
    }

    private static byte[] quotedPrintable(byte[] raw) throws Undecodable {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else if (i + 1 == raw.length) {
                break;
            } else {
                throw new Undecodable("invalid quoted-printable escape at byte " + i);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
