package mm7gw.relay.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The MM7 schema releases the gateway can speak to a VASP (the same list the endpoint accepts) and the
 * MM7Version sent with each.
 */
public final class RelayReleases {
    public static final String CANONICAL = "REL-6-MM7-1-4";
    private static final String BASE = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/";
    private static final Map<String, String> VERSIONS = new LinkedHashMap<>();

    static {
        VERSIONS.put("REL-5-MM7-1-0", "5.3.0");
        VERSIONS.put("REL-5-MM7-1-1", "5.5.0");
        VERSIONS.put("REL-5-MM7-1-2", "5.6.0");
        VERSIONS.put("REL-5-MM7-1-3", "5.8.0");
        VERSIONS.put("REL-5-MM7-1-4", "5.10.0");
        VERSIONS.put("REL-5-MM7-1-5", "5.10.0");
        VERSIONS.put("REL-6-MM7-1-0", "6.3.0");
        VERSIONS.put("REL-6-MM7-1-1", "6.4.0");
        VERSIONS.put("REL-6-MM7-1-2", "6.5.0");
        VERSIONS.put("REL-6-MM7-1-3", "6.6.0");
        VERSIONS.put("REL-6-MM7-1-4", "6.8.0");
    }

    private RelayReleases() {
    }

    public static boolean isKnown(String release) {
        return release != null && VERSIONS.containsKey(release);
    }

    public static String namespace(String release) {
        return BASE + release;
    }

    public static String mm7Version(String release) {
        return Optional.ofNullable(VERSIONS.get(release)).orElseThrow(
                () -> new IllegalArgumentException("unknown MM7 release " + release));
    }

    /** every release name, oldest first */
    public static java.util.List<String> all() {
        return java.util.List.copyOf(VERSIONS.keySet());
    }

    public static String known() {
        return String.join(", ", VERSIONS.keySet());
    }
}
