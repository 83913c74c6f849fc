package mm7gw.submission.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The multimedia content of a message, stored once per message whatever the number of recipients: the MIME
 * entity the submit's {@code Content href} referenced, as its Content-Type header value and its body bytes
 * (transfer encoding removed; a multipart body keeps its inner parts, headers and boundaries byte for byte).
 */
@Entity
@Cacheable(false) // one per submit, mostly read once: in the shared cache every submit's content would be copied at the
// commit and kept past young collections, for reads that the distribution's query makes anyway
@Table(name = "mm7_content")
public class MessageContent {
    /** the longest Content-Type header value kept, in characters */
    public static final int CONTENT_TYPE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_content_seq")
    @SequenceGenerator(name = "mm7_content_seq", sequenceName = "mm7_content_seq", allocationSize = 1000)
    private Long id;

    /** the Content-Type header value of the referenced entity, parameters (boundary, start, ...) included */
    @Column(name = "content_type", length = CONTENT_TYPE_LENGTH, nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(length = 64, nullable = false)
    private String sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] body;

    protected MessageContent() {
    }

    public MessageContent(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
        this.size = body.length;
        this.sha256 = sha256(body);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Long id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] body() {
        return body;
    }
}
