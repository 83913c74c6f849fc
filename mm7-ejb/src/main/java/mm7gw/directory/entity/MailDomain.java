package mm7gw.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail domain whose mailboxes this MMSC serves (lower case). Like a {@link NumberRange} it is either
 * open (every address in it is an active subscriber unless listed otherwise) or closed.
 */
@Entity
@Table(name = "mm7_mail_domain")
@NamedQuery(name = MailDomain.ALL, query = "select d from MailDomain d order by d.domain")
public class MailDomain {
    public static final String ALL = "MailDomain.all";
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9\\-]{0,62}\\.)*[a-z0-9\\-]{1,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_directory_seq")
    @SequenceGenerator(name = "mm7_directory_seq", sequenceName = "mm7_directory_seq", allocationSize = 20)
    private Long id;

    @Column(length = 253, nullable = false, unique = true)
    private String domain;

    @Column(name = "open_domain", nullable = false)
    private boolean open;

    protected MailDomain() {
    }

    public MailDomain(String domain, boolean open) {
        String d = domain == null ? null : domain.trim().toLowerCase(Locale.ROOT);
        if (d == null || d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("not a domain name: '" + domain + "'");
        }
        this.domain = d;
        this.open = open;
    }

    /** @param address a normalised e-mail address (its domain already lower case) */
    public boolean covers(String address) {
        return address.endsWith("@" + domain);
    }

    public String domain() {
        return domain;
    }

    public boolean isOpen() {
        return open;
    }
}
