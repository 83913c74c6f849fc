package mm7gw.ws;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * MM7's relativeOrAbsoluteDate (EarliestDeliveryTime, ExpiryDate): an xs:dateTime, or an xs:duration counted
 * from the time the request is received. A dateTime without a zone is read as UTC.
 */
public final class RelativeOrAbsoluteDate {
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RelativeOrAbsoluteDate() {
    }

    /**
     * @return the instant meant, or null for a null text
     * @throws IllegalArgumentException when the text is neither a dateTime nor a duration
     */
    public static Instant resolve(String text, Instant now) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P")) {
            Duration d;
            try {
                d = DATATYPES.newDuration(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not an xs:duration");
            }
            if (d.getSign() < 0) {
                throw new IllegalArgumentException("'" + text + "' is a negative duration");
            }
            return now.plusMillis(d.getTimeInMillis(java.util.Date.from(now)));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException zoned) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is neither an xs:dateTime nor an xs:duration");
            }
        }
    }
}
