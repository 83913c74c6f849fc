package mm7gw.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/**
 * A block of numbers this MMSC serves, given by its international prefix (digits without '+'). In a
 * {@code open} range every number is an active subscriber unless the directory lists it with another state;
 * in a closed range only listed subscribers exist.
 */
@Entity
@Table(name = "mm7_number_range")
@NamedQuery(name = NumberRange.ALL, query = "select r from NumberRange r order by r.prefix")
public class NumberRange {
    public static final String ALL = "NumberRange.all";
    private static final Pattern PREFIX = Pattern.compile("\\d{1,15}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_directory_seq")
    @SequenceGenerator(name = "mm7_directory_seq", sequenceName = "mm7_directory_seq", allocationSize = 20)
    private Long id;

    @Column(length = 15, nullable = false, unique = true)
    private String prefix;

    @Column(name = "open_range", nullable = false)
    private boolean open;

    protected NumberRange() {
    }

    public NumberRange(String prefix, boolean open) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a number range prefix is 1 to 15 digits in international format"
                    + " without '+' (e.g. 447700900), not '" + prefix + "'");
        }
        this.prefix = prefix;
        this.open = open;
    }

    public boolean covers(String number) {
        return number.startsWith(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public boolean isOpen() {
        return open;
    }
}
