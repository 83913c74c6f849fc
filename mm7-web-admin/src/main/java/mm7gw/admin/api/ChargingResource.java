package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.charging.boundary.CdrFiles;
import mm7gw.charging.boundary.ChargingCsv;
import mm7gw.charging.boundary.ChargingEventView;
import mm7gw.charging.boundary.ChargingExport;

/**
 * Billing exports: charging events of a time window (JSON pages or streamed CSV), the daily summary, and the
 * CDR files (list, download, close the open one).
 */
@RequestScoped
@Path("charging")
public class ChargingResource {
    @Inject
    ChargingExport export;

    @Inject
    CdrFiles cdrFiles;

    /** A page of events: {@code from}/{@code to} ISO-8601 instants, optional vaspId, then afterId to go on. */
    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChargingEventView> events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("vaspId") String vaspId, @QueryParam("afterId") @DefaultValue("0") long afterId,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        return export.page(window(from, to, vaspId), afterId, limit);
    }

    /**
     * All events of the window as CSV, streamed page by page: every value exactly as stored (the billing contract),
     * or with {@code spreadsheetSafe=true} text cells that a spreadsheet could run as a formula neutralised.
     */
    @GET
    @Path("events.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("vaspId") String vaspId, @QueryParam("spreadsheetSafe") @DefaultValue("false") boolean safe) {
        ChargingExport.Window window = window(from, to, vaspId);
        StreamingOutput body = out -> ChargingCsv.write(export, window,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), safe);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"charging-events"
                        + (safe ? "-spreadsheet" : "") + ".csv\"").build();
    }

    /** Per VASP, VAS and ServiceCode: the events of one UTC day. */
    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChargingExport.DailySummary> summary(@QueryParam("day") String day,
            @QueryParam("vaspId") String vaspId) {
        try {
            return export.dailySummary(day == null ? null : LocalDate.parse(day), vaspId);
        } catch (DateTimeParseException e) {
            throw RequestRefused.invalid("day '" + day + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /** The closed CDR files (TS 32.297, records of TS 32.298) of every node directory this node sees. */
    @GET
    @Path("cdr-files")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CdrFiles.CdrFileView> cdrFiles() {
        return cdrFiles.list();
    }

    /** One closed CDR file, byte for byte. */
    @GET
    @Path("cdr-files/{node}/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response cdrFile(@PathParam("node") String node, @PathParam("name") String name) {
        java.nio.file.Path file = cdrFiles.file(node, name);
        return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    /** Writes every committed event and closes this node's open CDR file now: 200 with the file, 204 if none was open. */
    @POST
    @Path("cdr-files/close")
    @Produces(MediaType.APPLICATION_JSON)
    public Response closeCdrFile() {
        return cdrFiles.closeNow().map(v -> Response.ok(v).build()).orElseGet(() -> Response.noContent().build());
    }

    /** This node's CDR file writer: its directory, the last number written per writer, the open file, any problem. */
    @GET
    @Path("cdr-writer")
    @Produces(MediaType.APPLICATION_JSON)
    public CdrFiles.WriterStatus cdrWriter() {
        return cdrFiles.status();
    }

    private static ChargingExport.Window window(String from, String to, String vaspId) {
        return new ChargingExport.Window(instant("from", from), instant("to", to), vaspId);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw RequestRefused.invalid(name + " is required (an ISO-8601 instant such as 2026-01-31T00:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestRefused.invalid(name + " '" + value + "' is not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
