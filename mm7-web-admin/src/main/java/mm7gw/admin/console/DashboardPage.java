package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import mm7gw.traffic.boundary.TrafficStatistics;
import mm7gw.traffic.boundary.TrafficStatistics.HourlyTraffic;
import mm7gw.traffic.boundary.TrafficStatistics.StatusCount;
import mm7gw.vasp.boundary.VaspAdministration;

/** The dashboard: today's figures and per-VASP traffic per hour over the last 24 hours. */
@Named
@RequestScoped
public class DashboardPage {
    private static final int HOURS = 24;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    @Inject
    TrafficStatistics statistics;

    @Inject
    VaspAdministration vasps;

    @Inject
    mm7gw.health.Readiness readiness;

    private mm7gw.health.Readiness.Live live;

    private List<HourlyTraffic> traffic;
    private List<StatusCount> statuses;
    private int vaspCount;
    private long activeVasps;

    @PostConstruct
    void load() {
        traffic = statistics.hourly(HOURS);
        statuses = statistics.submitStatuses(HOURS);
        var all = vasps.list();
        vaspCount = all.size();
        activeVasps = all.stream().filter(v -> v.status().equals("ACTIVE")).count();
    }

    public long getSubmissions() {
        return traffic.stream().mapToLong(HourlyTraffic::submissions).sum();
    }

    public long getRecipients() {
        return traffic.stream().mapToLong(HourlyTraffic::recipients).sum();
    }

    public long getRefused() {
        return traffic.stream().mapToLong(HourlyTraffic::refused).sum();
    }

    public long getDeliveries() {
        return traffic.stream().mapToLong(HourlyTraffic::deliveries).sum();
    }

    /** Queue depths, dead letters and the outbound backlog per VASP, read when the page (or its poll) asks. */
    public mm7gw.health.Readiness.Live getLive() {
        if (live == null) {
            live = readiness.live();
        }
        return live;
    }

    public int getVaspCount() {
        return vaspCount;
    }

    public long getActiveVasps() {
        return activeVasps;
    }

    public List<StatusCount> getStatuses() {
        return statuses;
    }

    public List<HourlyTraffic> getTraffic() {
        return traffic;
    }

    /** Chart.js configuration: stacked bars of accepted submissions per hour, one series per VASP. */
    public String getSubmissionsChart() {
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1L, ChronoUnit.HOURS);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        Map<Instant, Integer> index = new LinkedHashMap<>();
        for (int h = 0; h < HOURS; h++) {
            Instant hour = first.plus(h, ChronoUnit.HOURS);
            index.put(hour, h);
            labels.add(HOUR.format(hour));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int colour = 0;
        for (String vasp : new TreeSet<>(traffic.stream().map(HourlyTraffic::vaspId).toList())) {
            long[] values = new long[HOURS];
            traffic.stream().filter(t -> t.vaspId().equals(vasp))
                    .forEach(t -> values[index.getOrDefault(t.hour(), 0)] += t.submissions());
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (long v : values) {
                data.add(v);
            }
            datasets.add(Json.createObjectBuilder().add("label", vasp).add("data", data)
                    .add("backgroundColor", COLOURS[colour++ % COLOURS.length]));
        }
        JsonObjectBuilder axis = Json.createObjectBuilder().add("stacked", true);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("x", axis).add("y", Json.createObjectBuilder()
                                .add("stacked", true).add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                        .add("plugins", Json.createObjectBuilder().add("title", Json.createObjectBuilder()
                                .add("display", true).add("text", "Accepted submissions per hour (UTC), last 24 hours"))))
                .build().toString();
    }
}
