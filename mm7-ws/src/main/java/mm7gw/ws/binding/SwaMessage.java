package mm7gw.ws.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mm7gw.status.StatusCode;

/**
 * A SOAP message with attachments (W3C SOAP Messages with Attachments over multipart/related): the root part
 * holding the envelope, found by the {@code start} parameter or as the first part, and the other parts, which a
 * {@code Content href="cid:..."} in the envelope refers to. References are resolved with the tolerances real
 * peers need: href with or without {@code cid:}, with or without angle brackets, URL-encoded, Content-IDs
 * without brackets, and Content-Location instead of Content-ID.
 */
public final class SwaMessage {
    private final List<MimePart> parts;
    private final MimePart root;

    private SwaMessage(List<MimePart> parts, MimePart root) {
        this.parts = parts;
        this.root = root;
    }

    public static SwaMessage parse(HeaderValue contentType, byte[] body) throws WireFault {
        List<MimePart> parts = Multipart.parse(body, contentType.parameter("boundary"));
        String start = MimePart.bare(contentType.parameter("start"));
        if (start == null || start.isEmpty()) {
            return new SwaMessage(parts, parts.get(0));
        }
        for (MimePart p : parts) {
            if (start.equals(p.contentId())) {
                return new SwaMessage(parts, p);
            }
        }
        throw new WireFault(StatusCode.VALIDATION_ERROR,
                "the multipart/related start parameter names <" + start + "> but no part has that Content-ID");
    }

    public MimePart root() {
        return root;
    }

    /** The envelope's bytes with the root part's transfer encoding removed. */
    public byte[] envelope() throws WireFault {
        try {
            return TransferEncoding.decode(root.transferEncoding(), root.rawBody());
        } catch (TransferEncoding.Undecodable e) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the SOAP part: " + e.getMessage());
        }
    }

    public List<MimePart> attachments() {
        return parts.stream().filter(p -> p != root).toList();
    }

    /** The part an href refers to. */
    public Optional<MimePart> referenced(String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        String h = href.trim();
        String id = h.regionMatches(true, 0, "cid:", 0, 4) ? h.substring(4) : h;
        id = MimePart.bare(id);
        String decoded = decode(id);
        for (String candidate : decoded.equals(id) ? List.of(id) : List.of(id, decoded)) {
            for (MimePart p : attachments()) {
                if (candidate.equals(p.contentId())) {
                    return Optional.of(p);
                }
            }
            for (MimePart p : attachments()) {
                if (p.contentId() != null && candidate.equalsIgnoreCase(p.contentId())) {
                    return Optional.of(p);
                }
            }
            for (MimePart p : attachments()) {
                if (candidate.equals(p.contentLocation()) || h.equals(p.contentLocation())) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A message without a Content element whose media parts were sent anyway: the one part itself, or several
     * flat sibling parts gathered (headers and bodies as received) into one multipart/mixed entity.
     */
    public Optional<MimeEntity> unreferencedContent() {
        List<MimePart> media = attachments();
        if (media.isEmpty()) {
            return Optional.empty();
        }
        if (media.size() == 1) {
            return Optional.of(MimeEntity.raw(media.get(0)));
        }
        String boundary = "mm7gw-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MimePart p : media) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(p.rawHeaders());
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(p.rawBody());
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return Optional.of(new MimeEntity("multipart/mixed; boundary=\"" + boundary + "\"", "binary", out.toByteArray()));
    }

    private static String decode(String id) {
        try {
            return URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** A MIME entity as referenced: its Content-Type, transfer encoding and body bytes as received. */
    public record MimeEntity(String contentType, String transferEncoding, byte[] rawBody) {
        static MimeEntity raw(MimePart p) {
            return new MimeEntity(p.contentType(), p.transferEncoding(), p.rawBody());
        }

        public static MimeEntity of(MimePart p) {
            return raw(p);
        }

        public byte[] decodedBody() throws TransferEncoding.Undecodable {
            return TransferEncoding.decode(transferEncoding, rawBody);
        }
    }
}
