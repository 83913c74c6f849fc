package mm7gw.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MM7 schema releases this gateway understands, each named by its namespace URI, and the MM7Version
 * usually sent with it: the one table for both directions (the releases the endpoint accepts and answers in, the
 * release configured per VASP for the requests the gateway sends it). REL-6-MM7-1-4 is the canonical one: the
 * project's XSD, the generated types and every response are in it before {@link NamespaceMapping} renames them
 * into the caller's namespace.
 */
public enum Mm7Release {
    REL_5_MM7_1_0("REL-5-MM7-1-0", "5.3.0"),
    REL_5_MM7_1_1("REL-5-MM7-1-1", "5.5.0"),
    REL_5_MM7_1_2("REL-5-MM7-1-2", "5.6.0"),
    REL_5_MM7_1_3("REL-5-MM7-1-3", "5.8.0"),
    REL_5_MM7_1_4("REL-5-MM7-1-4", "5.10.0"),
    REL_5_MM7_1_5("REL-5-MM7-1-5", "5.10.0"),
    REL_6_MM7_1_0("REL-6-MM7-1-0", "6.3.0"),
    REL_6_MM7_1_1("REL-6-MM7-1-1", "6.4.0"),
    REL_6_MM7_1_2("REL-6-MM7-1-2", "6.5.0"),
    REL_6_MM7_1_3("REL-6-MM7-1-3", "6.6.0"),
    REL_6_MM7_1_4("REL-6-MM7-1-4", "6.8.0");

    public static final Mm7Release CANONICAL = REL_6_MM7_1_4;
    private static final String BASE = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/";
    private static final Pattern VERSION = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final String name;
    private final String namespace;
    private final String usualVersion;

    Mm7Release(String name, String usualVersion) {
        this.name = name;
        this.namespace = BASE + name;
        this.usualVersion = usualVersion;
    }

    public String namespace() {
        return namespace;
    }

    /** The MM7Version this schema is usually sent with; used where a request gave none the gateway can echo. */
    public String usualVersion() {
        return usualVersion;
    }

    public boolean isCanonical() {
        return this == CANONICAL;
    }

    /**
     * Release 6 schemas: the ones with application addressing (ApplicID, ReplyApplicID, AuxApplicInfo) and
     * MMStatus DeliveryConditionNotMet in the RS -> VASP requests.
     */
    public boolean isRelease6() {
        return name.startsWith("REL-6-");
    }

    /** The release of this name (REL-6-MM7-1-4, ...), trimmed; empty when there is none. */
    public static Optional<Mm7Release> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim();
        return Arrays.stream(values()).filter(r -> r.name.equals(n)).findFirst();
    }

    /** every release name, oldest first */
    public static java.util.List<String> names() {
        return Arrays.stream(values()).map(Mm7Release::toString).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    public static Optional<Mm7Release> ofNamespace(String namespace) {
        if (namespace == null) {
            return Optional.empty();
        }
        String ns = namespace.trim();
        return Arrays.stream(values()).filter(r -> r.namespace.equals(ns)).findFirst();
    }

    public static boolean isKnownNamespace(String namespace) {
        return ofNamespace(namespace).isPresent();
    }

    /** The supported MM7Version range: TS 23.140 Rel-5 from 5.3.0 (the first MM7 schema) to any Rel-6 version. */
    public static VersionCheck checkVersion(String mm7Version) {
        if (mm7Version == null || mm7Version.isBlank()) {
            return VersionCheck.MISSING;
        }
        Matcher m = VERSION.matcher(mm7Version.trim());
        if (!m.matches()) {
            return VersionCheck.MALFORMED;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return (major == 5 && minor >= 3) || major == 6 ? VersionCheck.SUPPORTED : VersionCheck.UNSUPPORTED;
    }

    public static final String SUPPORTED_VERSIONS = "5.3.0 to 6.x.y";
    public static final String SUPPORTED_NAMESPACES = "REL-5-MM7-1-0 to REL-5-MM7-1-5 and REL-6-MM7-1-0 to REL-6-MM7-1-4 under " + BASE;

    public enum VersionCheck {
        SUPPORTED, MISSING, MALFORMED, UNSUPPORTED
    }
}
