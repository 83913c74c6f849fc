package mm7gw.charging.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void textThatASpreadsheetWouldRunIsPrefixedWithAQuote() {
        for (String formula : List.of("=1+2", "=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(A1:A9)", "-2+3",
                "@SUM(1)", "\t=1", "\r=1", "=", "-", "+44 7700", "=cmd|' /C calc'!A0")) {
            assertEquals("'" + formula, SpreadsheetSafe.cell(formula), formula);
        }
    }

    @Test
    void otherTextPlainNumbersAndTypedValuesAreUnchanged() {
        for (String text : List.of("svc", "", " =1", "447700900123", "a=b", "'=1", "\n=1", "-5", "+447700900123",
                "-0.25", "12")) {
            assertSame(text, SpreadsheetSafe.cell(text), text);
        }
        Instant now = Instant.now();
        assertSame(now, SpreadsheetSafe.cell(now));
        assertEquals(-3L, SpreadsheetSafe.cell(-3L));
        assertEquals(Boolean.TRUE, SpreadsheetSafe.cell(Boolean.TRUE));
        assertEquals(null, SpreadsheetSafe.cell(null));
    }

    @Test
    void aNeutralisedRowIsStillRfc4180WithQuotesDoubled() throws Exception {
        Object[] row = {42L, "=HYPERLINK(\"http://evil.example\",\"x\")", null, "-5", "svc"};
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setQuoteMode(org.apache.commons.csv.QuoteMode.ALL_NON_NULL).setNullString("").get())) {
            printer.printRecord(SpreadsheetSafe.row(row));
        }
        assertEquals("\"42\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,\"-5\",\"svc\"\r\n", out.toString());
        CSVRecord back = CSVFormat.RFC4180.builder().setNullString("").get().parse(new StringReader(out.toString()))
                .getRecords().get(0);
        assertArrayEquals(new String[] {"42", "'=HYPERLINK(\"http://evil.example\",\"x\")", null, "-5", "svc"},
                back.values());
    }
}
