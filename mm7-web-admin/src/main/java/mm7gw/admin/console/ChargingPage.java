package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.charging.boundary.CdrFiles;
import mm7gw.charging.boundary.ChargingEventView;
import mm7gw.charging.boundary.ChargingExport;

/** Charging events of a time window (and VASP), the CSV of the same window, and the daily summary. */
@Named
@ViewScoped
public class ChargingPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int SHOWN = 500;

    @Inject
    ChargingExport export;

    @Inject
    CdrFiles cdrFiles;

    private LocalDateTime from;
    private LocalDateTime to;
    private String vaspId;
    private List<ChargingEventView> events = List.of();
    private LocalDate day;
    private List<ChargingExport.DailySummary> summary = List.of();
    private List<CdrFiles.CdrFileView> files = List.of();
    private CdrFiles.WriterStatus writer;

    @PostConstruct
    void defaults() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        from = now.truncatedTo(ChronoUnit.DAYS);
        to = now.plusHours(1);
        day = now.toLocalDate();
        show();
        summarise();
        listFiles();
    }

    /** The closed CDR files, newest first, and the state of this node's writer. */
    public void listFiles() {
        List<CdrFiles.CdrFileView> all = new java.util.ArrayList<>(cdrFiles.list());
        java.util.Collections.reverse(all);
        files = all;
        writer = cdrFiles.status();
    }

    /** Writes what is pending and closes the open CDR file now. */
    public void closeFile() {
        try {
            cdrFiles.closeNow().ifPresentOrElse(
                    v -> Messages.info("CDR file closed", v.name() + " (" + v.records() + " records)"),
                    () -> Messages.info("No CDR file open", "every charging event is already in a closed file"));
        } catch (RequestRefused e) {
            Messages.error("CDR file not closed", e.getMessage());
        }
        listFiles();
    }

    /** The admin API's download of a closed file (the console session authorises it). */
    public String downloadUrl(CdrFiles.CdrFileView f) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/charging/cdr-files/"
                + encode(f.node()) + "/" + encode(f.name());
    }

    public List<CdrFiles.CdrFileView> getFiles() {
        return files;
    }

    public CdrFiles.WriterStatus getWriter() {
        return writer;
    }

    public void show() {
        try {
            events = export.page(window(), 0, SHOWN);
        } catch (RequestRefused e) {
            events = List.of();
            Messages.error("No events shown", e.getMessage());
        }
    }

    public void summarise() {
        try {
            summary = export.dailySummary(day, vaspId);
        } catch (RequestRefused e) {
            summary = List.of();
            Messages.error("No summary", e.getMessage());
        }
    }

    private ChargingExport.Window window() {
        return new ChargingExport.Window(from == null ? null : from.toInstant(ZoneOffset.UTC),
                to == null ? null : to.toInstant(ZoneOffset.UTC), vaspId == null || vaspId.isBlank() ? null : vaspId.trim());
    }

    /**
     * The admin API's streamed CSV export of the window shown (the console session authorises it), spreadsheet-safe:
     * people open this one in a spreadsheet.
     */
    public String getCsvUrl() {
        String url = getExactCsvUrl();
        return url.equals("#") ? url : url + "&spreadsheetSafe=true";
    }

    /** The same export with every value exactly as stored, as billing reads it. */
    public String getExactCsvUrl() {
        if (from == null || to == null) {
            return "#";
        }
        String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/charging/events.csv?from=" + encode(from.toInstant(ZoneOffset.UTC).toString())
                + "&to=" + encode(to.toInstant(ZoneOffset.UTC).toString());
        return vaspId == null || vaspId.isBlank() ? url : url + "&vaspId=" + encode(vaspId.trim());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public boolean isTruncated() {
        return events.size() >= SHOWN;
    }

    public List<ChargingEventView> getEvents() {
        return events;
    }

    public List<ChargingExport.DailySummary> getSummary() {
        return summary;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getVaspId() {
        return vaspId;
    }

    public void setVaspId(String vaspId) {
        this.vaspId = vaspId;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }
}
