package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import mm7gw.charging.boundary.ChargingEventView;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.messaging.DuplicateIds;
import mm7gw.system.ServerResources;

/**
 * Publishes charging events to billing on the JMS topic mm7.charging as JSON text messages. The send joins
 * the caller's JTA transaction, so subscribers see an event if and only if it was committed. Each message
 * carries the properties vaspId, recordType, writer and sequenceNumber for selectors; writer and sequence number
 * are also its duplicate id (one event per number).
 * <p>
 * The JSON is that of {@link ChargingEventView}, character for character as JSON-B (with null values) writes it:
 * the properties in the view's order, text escaped as JSON-P's generator escapes it, instants in ISO-8601. It is
 * written here directly: JSON-B's binding of the view and JSON-P's generator cost the sequencer's thread more per
 * event than the rest of the publication (ChargingTopicTest compares the two).
 */
@ApplicationScoped
public class ChargingTopic {
    public static final String JNDI = ServerResources.CHARGING;
    /** each property's name as it opens it: <code>{"eventId":</code>, <code>,"writer":</code>, ... */
    private static final String[] NAMES = new String[ChargingEventView.FIELDS.length];
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = (i == 0 ? "{" : ",") + '"' + ChargingEventView.FIELDS[i] + "\":";
        }
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = JNDI)
    Topic topic;

    public void publish(ChargingEvent event) {
        jms.createProducer()
                .setProperty("vaspId", event.vaspId().value())
                .setProperty("recordType", event.recordType().name())
                .setProperty("writer", event.writer())
                .setProperty("sequenceNumber", event.sequenceNumber())
                .setProperty(DuplicateIds.PROPERTY, event.duplicateId())
                .send(topic, toJson(event));
    }

    public static String toJson(ChargingEvent event) {
        return toJson(ChargingEventView.of(event));
    }

    /** The view's fields in their order; null as null, numbers and booleans as such, everything else as text. */
    static String toJson(ChargingEventView view) {
        StringBuilder json = new StringBuilder(1024);
        Object[] values = view.values();
        for (int i = 0; i < values.length; i++) {
            json.append(NAMES[i]);
            Object value = values[i];
            if (value == null) {
                json.append("null");
            } else if (value instanceof String s) {
                string(json, s);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
                json.append(value);
            } else if (value instanceof Instant t) {
                json.append('"');
                instant(json, t);
                json.append('"');
            } else {
                throw new IllegalStateException(ChargingEventView.FIELDS[i] + " of type " + value.getClass().getName());
            }
        }
        return json.append('}').toString();
    }

    /**
     * A JSON string as JSON-P's generator writes one: the quotation mark, the reverse solidus and the control
     * characters escaped (backspace, form feed, line feed, carriage return and tab by their short forms, the other
     * control characters as a reverse solidus, u00 and two lowercase hexadecimal digits), every other character
     * as it is.
     */
    private static void string(StringBuilder json, String s) {
        json.append('"');
        int first = 0;
        while (first < s.length() && plain(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            json.append(s).append('"'); // the usual case, copied at once
            return;
        }
        int plain = 0;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (plain(c)) {
                continue;
            }
            json.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        json.append(s, plain, s.length()).append('"');
    }

    /**
     * An instant as JSON-B writes it, {@link Instant#toString()} (ISO-8601 in UTC, {@code 2026-01-31T10:15:30Z}, a
     * fraction of a second in groups of three digits as needed); the years 1970 to 9999 without the formatter.
     */
    static void instant(StringBuilder json, Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            json.append(t);
            return;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        digits(json, d.getYear(), 4).append('-');
        digits(json, d.getMonthValue(), 2).append('-');
        digits(json, d.getDayOfMonth(), 2).append('T');
        digits(json, d.getHour(), 2).append(':');
        digits(json, d.getMinute(), 2).append(':');
        digits(json, d.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            json.append('.');
            if (nano % 1_000_000 == 0) {
                digits(json, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(json, nano / 1000, 6);
            } else {
                digits(json, nano, 9);
            }
        }
        json.append('Z');
    }

    /** a number of at most {@code width} digits, with leading zeros to that width */
    private static StringBuilder digits(StringBuilder json, int value, int width) {
        for (int unit = POWERS_OF_TEN[width - 1]; unit > 0; unit /= 10) {
            json.append((char) ('0' + value / unit % 10));
        }
        return json;
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }
}
