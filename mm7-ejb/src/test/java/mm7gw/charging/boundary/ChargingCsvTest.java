package mm7gw.charging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ChargingCsvTest {
    private static final String CODE = "  a,b \"q\" \u00fc\u20ac\u5929\r\n\tend  ";

    private static ChargingEventView view(String serviceCode) {
        return new ChargingEventView(42, "node-1", 7L, "MM7_SUBMIT", "O7S-CDR", Instant.parse("2026-01-31T10:15:30.123456Z"),
                "vasp", "vas", "msg-1", null, "4455", null, 2, null, null, 1000, "ACCEPTED", null, null, "NORMAL",
                "INFORMATIONAL", serviceCode, "MM7SRecord", 0, "SHORT_CODE", null, null,
                "to:number:447700900301 cc:email:a@example.net", Instant.parse("2026-01-31T10:15:30Z"), null, null,
                true, false, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String csv(ChargingEventView... views) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, ChargingCsv.FORMAT)) {
            for (ChargingEventView v : views) {
                printer.printRecord(v.values());
            }
        }
        return out.toString();
    }

    @Test
    void theHeaderIsTheFieldListAndValuesAreQuoted() throws Exception {
        String text = csv(view("svc"));
        String[] lines = text.split("\r\n");
        assertEquals("\"" + String.join("\",\"", ChargingEventView.FIELDS) + "\"", lines[0]);
        assertEquals("\"42\",\"node-1\",\"7\",\"MM7_SUBMIT\",\"O7S-CDR\",\"2026-01-31T10:15:30.123456Z\",\"vasp\",\"vas\","
                + "\"msg-1\",,\"4455\",,\"2\",,,\"1000\",\"ACCEPTED\",,,\"NORMAL\",\"INFORMATIONAL\",\"svc\",\"MM7SRecord\",\"0\","
                + "\"SHORT_CODE\",,,\"to:number:447700900301 cc:email:a@example.net\",\"2026-01-31T10:15:30Z\",,,\"true\",\"false\""
                + ",,,,,,,,,,,", lines[1]);
    }

    @Test
    void aServiceCodeComesBackExactlyAndNullDiffersFromEmpty() throws Exception {
        String text = csv(view(CODE), view(""), view(null));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setNullString("")
                .get().parse(new StringReader(text)).getRecords();
        assertEquals(CODE, rows.get(0).get("serviceCode"));
        assertNull(rows.get(2).get("serviceCode"));
        assertEquals(3, rows.size());
        assertEquals(true, csv(view("")).contains(",\"INFORMATIONAL\",\"\",\"MM7SRecord\","), "empty: quoted");
        assertEquals(true, csv(view(null)).contains(",\"INFORMATIONAL\",,\"MM7SRecord\","), "absent: nothing");
    }
}
