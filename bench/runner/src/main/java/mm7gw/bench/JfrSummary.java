package mm7gw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a flight recording of the server by where the gateway's threads spent their time: either their waits
 * (parked, socket reads and writes, monitors; in seconds) or their CPU samples, each keyed by the thread's kind
 * (request, MDB, the gateway's own workers) and the stack reduced to the gateway's methods and the libraries
 * between them ({@code eclipselink < Acceptance.accept}). Used by the bench ({@code -Dbench.jfr=true}); also
 * {@code java JfrSummary.java <file.jfr> [cpu]}.
 */
public final class JfrSummary {
    static final String[][] LIBRARIES = {{"mm7gw.", "app"}, {"org.apache.activemq", "artemis"},
        {"com.arjuna", "narayana"}, {"org.eclipse.persistence", "eclipselink"}, {"org.postgresql", "pgjdbc"},
        {"org.h2", "h2"}, {"org.jboss.jca", "jca"}, {"org.apache.cxf", "cxf"}, {"com.sun.xml.ws", "metro"},
        {"org.wildfly.security", "elytron"}, {"org.jboss.as.ejb3", "ejb"}, {"io.undertow", "undertow"},
        {"com.sun.org.apache.xerces", "xerces"}, {"org.glassfish.jaxb", "jaxb"}, {"com.sun.xml.bind", "jaxb"},
        {"org.jboss.weld", "weld"}};
    private static final Set<String> WAITS = Set.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.SocketWrite");

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 && args[1].equals("cpu"), 40, System.out);
    }

    /** Writes the top rows: seconds (or samples), events, thread kind, event type, reduced stack. */
    static void write(Path recording, boolean cpu, int rows, PrintStream out) throws IOException {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                if (cpu ? !type.equals("jdk.ExecutionSample") : !WAITS.contains(type)) {
                    continue;
                }
                RecordedThread thread = cpu ? e.getThread("sampledThread") : e.getThread();
                String kind = kind(thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName());
                RecordedStackTrace stack = e.getStackTrace();
                if (kind == null || stack == null) {
                    continue;
                }
                double value = cpu ? 1 : e.getDuration().toNanos() / 1e9;
                String key = String.format("%-10s %-14s %s", kind, type.replace("jdk.", ""), reduced(stack));
                double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
                sum[0] += value;
                sum[1]++;
                byKind.merge(kind, value, Double::sum);
            }
        }
        out.println((cpu ? "CPU samples" : "waits (s)") + " by thread kind: " + byKind);
        sums.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(rows)
                .forEach(en -> out.printf("%9.2f %6d  %s%n", en.getValue()[0], (long) en.getValue()[1], en.getKey()));
    }

    static String kind(String thread) {
        if (thread.startsWith("default task")) {
            return "request";
        }
        if (thread.contains("activemq-client-global")) {
            return "mdb";
        }
        if (thread.startsWith("mm7-")) {
            return thread.length() > 10 ? thread.substring(0, 10) : thread;
        }
        return thread.startsWith("EJB default") ? "ejb-timer" : null;
    }

    /** The gateway's methods and the libraries between them, innermost first, up to three of the gateway's. */
    private static String reduced(RecordedStackTrace stack) {
        List<String> labels = new ArrayList<>();
        String last = null;
        int own = 0;
        for (RecordedFrame f : stack.getFrames()) {
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if (name.contains("$$Lambda") || name.contains("lambda$")) {
                continue;
            }
            String library = null;
            for (String[] l : LIBRARIES) {
                if (name.startsWith(l[0])) {
                    library = l[1];
                    break;
                }
            }
            if (library == null) {
                continue;
            }
            String label = library.equals("app")
                    ? name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) : library;
            if (!label.equals(last)) {
                labels.add(label);
                last = label;
                if (library.equals("app")) {
                    own++;
                }
            }
            if (own >= 3 || labels.size() >= 8) {
                break;
            }
        }
        return String.join(" < ", labels);
    }
}
