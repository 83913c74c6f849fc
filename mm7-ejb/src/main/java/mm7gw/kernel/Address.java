package mm7gw.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An MM7 address in its normalised form: numbers in international digits without '+', short codes as
 * given, e-mail addresses with a lower-case domain. Built only through {@link #parse}, which refuses what
 * cannot be an address.
 */
@Embeddable
public class Address {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    /** RFC 5321: a path of 256 octets, i.e. an address of at most 254 characters between its angle brackets */
    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern DIGITS = Pattern.compile("\\d{5,15}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9A-Za-z]{2,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}\\.)*[A-Za-z0-9\\-]{1,63}");

    @Enumerated(EnumType.STRING)
    @Column(name = "address_type", length = 12, nullable = false)
    private AddressType type;

    @Column(name = "address", length = 256, nullable = false)
    private String value;

    protected Address() {
    }

    private Address(AddressType type, String value) {
        this.type = type;
        this.value = value;
    }

    /**
     * @throws InvalidAddress if the raw text cannot be an address of that type
     */
    public static Address parse(AddressType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAddress(type, raw, "empty address");
        }
        String text = raw.trim();
        return switch (type) {
            case NUMBER -> new Address(type, normaliseNumber(text));
            case SHORT_CODE -> {
                if (!SHORT_CODE.matcher(text).matches()) {
                    throw new InvalidAddress(type, raw, "a short code is 2 to 10 letters or digits");
                }
                yield new Address(type, text);
            }
            case EMAIL -> new Address(type, normaliseEmail(text));
        };
    }

    public static Address number(String raw) {
        return parse(AddressType.NUMBER, raw);
    }

    public static Address shortCode(String raw) {
        return parse(AddressType.SHORT_CODE, raw);
    }

    public static Address email(String raw) {
        return parse(AddressType.EMAIL, raw);
    }

    private static String normaliseNumber(String text) {
        String n = text;
        int suffix = n.toUpperCase(Locale.ROOT).indexOf("/TYPE=PLMN");
        if (suffix >= 0) {
            n = n.substring(0, suffix);
        }
        n = SEPARATORS.matcher(n).replaceAll("");
        if (n.startsWith("+")) {
            n = n.substring(1);
        } else if (n.startsWith("00")) {
            n = n.substring(2);
        }
        if (!DIGITS.matcher(n).matches()) {
            throw new InvalidAddress(AddressType.NUMBER, text, "a number is 5 to 15 digits in international format");
        }
        return n;
    }

    private static String normaliseEmail(String text) {
        String e = text;
        int lt = e.lastIndexOf('<');
        if (lt >= 0 && e.endsWith(">")) {
            e = e.substring(lt + 1, e.length() - 1).trim();
        }
        if (e.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidAddress(AddressType.EMAIL, text, "longer than the " + MAX_EMAIL_LENGTH
                    + " characters an address may have (RFC 5321)");
        }
        if (!EMAIL.matcher(e).matches()) {
            throw new InvalidAddress(AddressType.EMAIL, text, "not an address of the form local@domain");
        }
        int at = e.lastIndexOf('@');
        return e.substring(0, at) + "@" + e.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public AddressType type() {
        return type;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.type == type && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Raised when a text is not a valid address; carries what was wrong for the MM7 status details. */
    public static class InvalidAddress extends IllegalArgumentException {
        private final String raw;

        InvalidAddress(AddressType type, String raw, String why) {
            super(type + " '" + raw + "': " + why);
            this.raw = raw;
        }

        public String raw() {
            return raw;
        }
    }
}
