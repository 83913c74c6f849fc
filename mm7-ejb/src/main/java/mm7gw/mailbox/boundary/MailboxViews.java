package mm7gw.mailbox.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.submission.entity.ContentAttributes;

/** What the simulated MM1 side shows of a subscriber's mailbox. */
public final class MailboxViews {
    private MailboxViews() {
    }

    /** one message in a mailbox listing */
    public record Entry(String messageId, String from, String subject, String priority, String messageClass,
            String state, Instant stateChangedAt, Long size, ContentAttributes attributes,
            ApplicationAddress application) {
    }

    /** a retrieved message: its attributes, its content's type and digest, and its parts */
    public record Retrieved(String messageId, String from, String subject, String priority, String messageClass,
            String state, String contentType, Long size, String sha256, ContentAttributes attributes,
            ApplicationAddress application, List<Part> parts) {
    }

    /** one body part of the content (the whole content when it is not multipart) */
    public record Part(int index, String contentType, String contentId, String fileName, long size, String sha256) {
    }

    /** what a subscriber asks to forward a message to (the simulated MM1 forward) */
    public record ForwardRequest(List<String> to) {
    }

    /** a forward done: the message, who forwarded it, to whom, when */
    public record Forwarded(String messageId, String from, List<String> to, Instant at) {
    }

    /** raw bytes with their MIME type */
    public record Raw(String contentType, byte[] body) {
    }
}
