package mm7gw.charging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mm7gw.charging.boundary.ChargingEventView;
import org.junit.jupiter.api.Test;

/** The topic's JSON is, character for character, what JSON-B (with null values) writes of the event's view. */
class ChargingTopicTest {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Test
    void theJsonOfEverySampleEventIsWhatJsonbWrites() {
        ChargingEventSamples.all().forEach((name, event) -> {
            if (event.id() != null) { // a stored event always has one
                assertEquals(JSONB.toJson(ChargingEventView.of(event)), ChargingTopic.toJson(event), name);
            }
        });
    }

    @Test
    void theJsonOfEveryKindOfValueIsWhatJsonbWrites() {
        for (ChargingEventView view : views()) {
            assertEquals(JSONB.toJson(view), ChargingTopic.toJson(view));
        }
    }

    @Test
    void theJsonOfRandomTextIsWhatJsonbWrites() {
        java.util.Random random = new java.util.Random(21);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                // mostly the characters that need escaping or are near them, sometimes any UTF-16 code unit
                text.append((char) switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x30);
                    case 2 -> "\"\\/\u007f\u2028".charAt(random.nextInt(5));
                    default -> random.nextInt(0x10000);
                });
            }
            String t = text.toString();
            ChargingEventView view = new ChargingEventView(i, t, null, t, null, null, t, null, null, null, null, null,
                    null, null, null, 0, t, null, null, null, null, t, null, 0, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, t);
            assertEquals(JSONB.toJson(view), ChargingTopic.toJson(view), t);
        }
    }

    @Test
    void anInstantIsWrittenAsItsToString() {
        java.util.Random random = new java.util.Random(21);
        long end = Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(-end, end);
                case 1 -> random.nextLong(0, 4_000_000_000L) / 60 * 60; // whole minutes: the seconds written as 00
                case 2 -> 253402300800L + random.nextInt(-3, 3); // around the year 10000
                default -> random.nextInt(-3, 3); // around 1970
            };
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            StringBuilder json = new StringBuilder();
            ChargingTopic.instant(json, t);
            assertEquals(t.toString(), json.toString());
        }
    }

    /** Every field null where it can be, every field set, and values at their edges. */
    private static List<ChargingEventView> views() {
        List<ChargingEventView> views = new ArrayList<>();
        views.add(new ChargingEventView(0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, null, null, null, null, null, null, null, 0, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null));
        String[] texts = {"", " ", ChargingEventSamples.ODD, "\u0000", "\\\"", "\ud800", "\udfff x \ud83d", "</script>",
            "\u00a0\u200b\ufeff\uffff", "a".repeat(5000), "\b\f\u000b\u001b"};
        Instant[] times = {Instant.parse("2026-01-31T10:15:30Z"), Instant.parse("2026-01-31T10:15:30.1Z"),
            Instant.parse("2026-01-31T10:15:30.123456Z"), Instant.parse("2026-01-31T10:15:30.000000001Z"),
            Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.MIN, Instant.MAX};
        long[] longs = {0, 1, -1, 7, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L};
        int[] ints = {0, -1, 1000, 2002, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < 12; i++) {
            String t = texts[i % texts.length];
            Instant at = times[i % times.length];
            long n = longs[i % longs.length];
            int k = ints[i % ints.length];
            Boolean b = i % 3 == 0 ? null : i % 3 == 1;
            views.add(new ChargingEventView(n, t, n, t, t, at, t, t, t, t, t, t, k, n, t, k, t, t, t, t, t, t, t, k, t,
                    t, t, t, at, at, at, b, b, b, at, n, b, t, t, at, t, t, t, t));
        }
        return views;
    }
}
