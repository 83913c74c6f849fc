package mm7gw.mailbox.boundary;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import mm7gw.submission.entity.MessageContent;

/** Reads the parts of stored content with Jakarta Mail; the parts' bodies come out transfer-decoded. */
final class ContentParts {
    private ContentParts() {
    }

    record Parsed(MailboxViews.Part view, String contentType, byte[] body) {
    }

    static List<Parsed> parse(MessageContent content) {
        String type = content.contentType();
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            byte[] body = content.body();
            return List.of(new Parsed(new MailboxViews.Part(0, type, null, null, body.length, sha256(body)), type, body));
        }
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(content.body(), type));
            List<Parsed> parts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                byte[] body;
                try (InputStream in = part.getInputStream()) {
                    body = in.readAllBytes();
                }
                String[] ids = part.getHeader("Content-ID");
                String partType = part.getContentType() == null ? "text/plain"
                        : new ContentType(part.getContentType()).toString();
                parts.add(new Parsed(new MailboxViews.Part(i, partType, ids == null ? null : ids[0],
                        part.getFileName(), body.length, sha256(body)), partType, body));
            }
            return parts;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("stored content of type " + type + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
