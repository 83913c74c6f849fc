package mm7gw.charging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The records of the sample events, octet for octet as the gateway wrote them when this test was made
 * ({@code mms-records.golden}: one line per sample, its name and the record in hex). A change to the encoder
 * must not change a record.
 */
class MmsRecordsTest {

    static Map<String, String> encoded() {
        Map<String, String> hex = new LinkedHashMap<>();
        ChargingEventSamples.all().forEach((name, event) -> hex.put(name, HexFormat.of().formatHex(MmsRecords.encode(event))));
        return hex;
    }

    @Test
    void everyRecordIsTheSameAsBefore() throws IOException {
        Map<String, String> golden = new LinkedHashMap<>();
        try (InputStream in = MmsRecordsTest.class.getResourceAsStream("mms-records.golden")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] parts = line.split(" ", 2);
                golden.put(parts[0], parts[1]);
            }
        }
        Map<String, String> now = encoded();
        assertEquals(golden.keySet(), now.keySet());
        golden.forEach((name, hex) -> assertEquals(hex, now.get(name), name));
    }

    /** Writes the golden file's lines (run by hand when the records are meant to change). */
    public static void main(String[] args) {
        encoded().forEach((name, hex) -> System.out.println(name + " " + hex));
    }
}
