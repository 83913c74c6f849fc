package mm7gw.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores every {@link Instant} attribute as an SQL timestamp. JPA 3.1 has no mapping for Instant, and
 * EclipseLink 4 would otherwise serialise it into a binary column that SQL (and billing) cannot read, compare or
 * index as time. The column holds the server JVM's local time, which reads back as the same instant; run the
 * servers in UTC (as the tests do) so that the stored values read as UTC in SQL too.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {
    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp stored) {
        return stored == null ? null : stored.toInstant();
    }
}
