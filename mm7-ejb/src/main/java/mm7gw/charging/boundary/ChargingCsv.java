package mm7gw.charging.boundary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes charging events as CSV (RFC 4180: comma, double quotes, CRLF; UTF-8 is the caller's choice of
 * writer), page by page from {@link ChargingExport}, so a window of any size streams in constant memory.
 * Header: {@link ChargingEventView#FIELDS}. Every present value is quoted and written exactly as stored (a
 * ServiceCode keeps its spaces and characters); an absent value is an empty unquoted field, so it differs
 * from an empty string ({@code ""}). That is the billing contract. The spreadsheet-safe variant, for people who open
 * the file in a spreadsheet, differs only in text cells that could be read as a formula ({@link SpreadsheetSafe}).
 */
public final class ChargingCsv {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(ChargingEventView.FIELDS)
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setNullString("")
            .get();

    private ChargingCsv() {
    }

    /** @return the number of events written */
    public static long write(ChargingExport export, ChargingExport.Window window, Writer out) throws IOException {
        return write(export, window, out, false);
    }

    /**
     * @param spreadsheetSafe whether text cells that a spreadsheet could take for a formula are neutralised
     * @return the number of events written
     */
    public static long write(ChargingExport export, ChargingExport.Window window, Writer out, boolean spreadsheetSafe)
            throws IOException {
        long written = 0;
        long after = 0;
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            List<ChargingEventView> page;
            do {
                page = export.page(window, after, ChargingExport.MAX_PAGE);
                for (ChargingEventView e : page) {
                    csv.printRecord(spreadsheetSafe ? SpreadsheetSafe.row(e.values()) : e.values());
                    after = e.eventId();
                }
                written += page.size();
                csv.flush();
            } while (page.size() == ChargingExport.MAX_PAGE);
        }
        return written;
    }
}
