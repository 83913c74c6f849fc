package mm7gw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sums a CPU profile of the server taken by async-profiler ({@code -Dbench.async-profiler=<libasyncProfiler.so>}),
 * in its collapsed form (one line per distinct stack, thread name first, then the sample count). Unlike JFR's
 * execution samples, which see only threads running Java code, it counts every thread's CPU, the kernel's work for
 * it (socket calls, futex waits and wake-ups, scheduling) and the JVM's own threads (JIT compilers, collector).
 * Writes the shares of all samples: by thread kind, in the kernel, by the innermost library of the stack, and by the
 * innermost method of the gateway. Also {@code java CpuProfile.java <file.collapsed>} with JfrSummary beside it.
 */
public final class CpuProfile {
    private CpuProfile() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), 30, System.out);
    }

    static void write(Path collapsed, int rows, PrintStream out) throws IOException {
        Map<String, Long> byKind = new HashMap<>();
        Map<String, Long> byLibrary = new HashMap<>();
        Map<String, Long> byOwnMethod = new HashMap<>();
        long total = 0;
        long kernel = 0;
        try (Stream<String> lines = Files.lines(collapsed)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long samples = Long.parseLong(line.substring(space + 1).trim());
                List<String> frames = List.of(line.substring(0, space).split(";"));
                total += samples;
                byKind.merge(threadKind(frames.get(0)), samples, Long::sum);
                boolean inKernel = frames.get(frames.size() - 1).endsWith("_[k]");
                if (inKernel) {
                    kernel += samples;
                }
                byLibrary.merge(inKernel ? "kernel" : innermostLibrary(frames), samples, Long::sum);
                String own = innermostOwn(frames);
                if (own != null) {
                    byOwnMethod.merge(own, samples, Long::sum);
                }
            }
        }
        out.printf("%d samples; in the kernel %.1f %%%n", total, percent(kernel, total));
        print(out, "by thread kind", byKind, total, rows);
        print(out, "by innermost library (kernel: the sample's innermost frame is the kernel's)", byLibrary, total, rows);
        print(out, "by innermost method of the gateway (with all it calls)", byOwnMethod, total, rows);
    }

    private static void print(PrintStream out, String title, Map<String, Long> shares, long total, int rows) {
        out.println(title + ":");
        shares.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(rows)
                .forEach(e -> out.printf("%6.1f %%  %s%n", percent(e.getValue(), total), e.getKey()));
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    /** "[default task-12 tid=345]" as JfrSummary names the gateway's threads; the others by name without numbers. */
    private static String threadKind(String first) {
        if (!first.startsWith("[")) {
            return "?";
        }
        String name = first.substring(1, first.length() - 1).replaceFirst(" tid=\\d+$", "");
        String kind = JfrSummary.kind(name);
        return kind != null ? kind : name.replaceAll("\\d+", "N");
    }

    private static String innermostLibrary(List<String> frames) {
        for (int i = frames.size() - 1; i > 0; i--) {
            String name = frames.get(i).replace('/', '.');
            for (String[] l : JfrSummary.LIBRARIES) {
                if (name.startsWith(l[0])) {
                    return l[1];
                }
            }
        }
        return "other (JDK, JVM)";
    }

    private static String innermostOwn(List<String> frames) {
        for (int i = frames.size() - 1; i > 0; i--) {
            String name = frames.get(i).replace('/', '.');
            if (name.startsWith("mm7gw.") && !name.contains("$Proxy$") && !name.contains("$$$")) {
                String method = name.replaceFirst("\\(.*$", "");
                return method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
            }
        }
        return null;
    }
}
