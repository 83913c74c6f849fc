package mm7gw.cdr;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Prints a TS 32.297 CDR file of the gateway as text, for an operator checking a file by eye: the file header,
 * then every record with its type and each field by name and value. Fields it does not know are printed as
 * tag and hex; a file it cannot read is reported with the offset where reading failed (exit status 1).
 * <pre>
 * mvn -q -pl mm7-cdr compile exec:java@cdr-dump -Dfile=FILE
 * java -jar mm7-cdr/target/mm7-cdr.jar FILE
 * </pre>
 */
public final class CdrDump {
    private final PrintStream out;

    public CdrDump(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0] == null || args[0].isBlank() || args[0].equals("${file}")) {
            System.err.println("usage: mvn -q -pl mm7-cdr compile exec:java@cdr-dump -Dfile=FILE"
                    + "  (or: java -jar mm7-cdr.jar FILE)");
            System.exit(2);
            return;
        }
        Path file = Path.of(args[0]);
        try {
            new CdrDump(System.out).dump(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            System.out.flush();
            System.err.println(file + ": not a readable CDR file: " + e.getMessage());
            System.exit(1);
        }
    }

    public void dump(String name, byte[] file) {
        CdrFileFormat.ParsedFile parsed = CdrFileFormat.read(file);
        CdrFileFormat.FileHeader h = parsed.header();
        out.println("file " + name + ": " + parsed.fileLength() + " octets, header " + parsed.headerLength() + " octets");
        out.println("  release/version high Rel-" + h.highRelease() + " v" + h.highVersion() + ", low Rel-"
                + h.lowRelease() + " v" + h.lowVersion());
        out.println("  opened " + h.opened() + ", last CDR appended " + h.lastAppended() + " (minutes, UTC)");
        out.println("  file sequence number " + h.fileSequenceNumber() + ", " + h.cdrCount() + " CDRs, closed: "
                + h.closureReason() + " (" + h.closureReason().code() + "), lost CDRs indicator " + h.lostCdrs());
        out.println("  node address " + h.nodeAddress().getHostAddress());
        if (h.privateExtension().length > 0) {
            out.println("  private extension: " + new String(h.privateExtension(), StandardCharsets.UTF_8)
                    .replace('\n', ' ').trim());
        }
        int n = 0;
        for (CdrFileFormat.Cdr cdr : parsed.cdrs()) {
            n++;
            out.println();
            Tlv record;
            try {
                record = Tlv.parse(cdr.record());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CDR " + n + " at offset " + cdr.offset() + ": " + e.getMessage(), e);
            }
            MmsRecordType type = record.tagClass() == Ber.CONTEXT ? MmsRecordType.ofTag(record.tagNumber()).orElse(null) : null;
            out.println("CDR " + n + " at offset " + cdr.offset() + " (" + cdr.record().length + " octets, Rel-"
                    + cdr.release() + " v" + cdr.version() + ", format " + (cdr.format() == CdrFileFormat.FORMAT_BER
                    ? "BER" : cdr.format()) + ", TS " + (cdr.tsNumber() == CdrFileFormat.TS_32270 ? "32.270" : cdr.tsNumber())
                    + "): " + (type == null ? "unknown record [" + record.tagNumber() + "]" : type.asn1Name()
                    + " [" + type.tag() + "]"));
            for (Tlv field : record.children()) {
                MmsRecordType.Field f = type == null || field.tagClass() != Ber.CONTEXT ? null
                        : type.fieldWithTag(field.tagNumber()).orElse(null);
                String label = f == null ? "[" + field.tagNumber() + "]" : f.name() + " [" + f.tag() + "]";
                out.println("  " + label + " = " + (f == null ? hex(field) : value(f.kind(), field)));
            }
        }
    }

    private static String value(MmsRecordType.Kind kind, Tlv v) {
        try {
            return switch (kind) {
                case RECORD_TYPE, INTEGER -> Long.toString(v.integer());
                case TEXT -> quoted(v.utf8());
                case BOOLEAN -> Boolean.toString(v.bool());
                case TIMESTAMP -> timeStamp(v.contents());
                case WAIT_TIME -> v.child(0) != null ? timeStamp(v.child(0).contents()) : hex(v);
                case RS_ADDRESS -> v.child(0) == null ? hex(v) : "domainName " + quoted(v.child(0).utf8());
                case AGENT_ADDRESS -> agentAddress(v);
                case AGENT_ADDRESSES -> {
                    StringBuilder s = new StringBuilder("{");
                    for (Tlv a : v.children()) {
                        s.append(s.length() > 1 ? ", " : "").append(agentAddress(a));
                    }
                    yield s.append("} (").append(v.children().size()).append(")").toString();
                }
                case MESSAGE_CLASS -> named(MmsRecord.MESSAGE_CLASS, v);
                case PRIORITY -> named(MmsRecord.PRIORITY, v);
                case MM_STATUS -> named(MmsRecord.MM_STATUS, v);
                case REQUEST_STATUS -> named(MmsRecord.REQUEST_STATUS, v);
                case CHARGE_INFORMATION -> v.child(0) == null ? hex(v) : "chargedparty " + named(MmsRecord.CHARGED_PARTY, v.child(0));
                case EXTENSIONS -> extensions(v);
            };
        } catch (RuntimeException e) {
            return hex(v) + " (unreadable: " + e.getMessage() + ")";
        }
    }

    private static String agentAddress(Tlv sequence) {
        Tlv data = sequence.child(0);
        if (data == null || data.children().size() != 1) {
            return hex(sequence);
        }
        Tlv choice = data.children().get(0);
        String address = switch (choice.tagNumber()) {
            case 0 -> "eMail-address " + quoted(choice.utf8());
            case 1 -> "mSISDN " + AgentAddress.readIsdnAddressString(choice.contents());
            case 2 -> "shortCode " + quoted(choice.utf8());
            default -> hex(choice);
        };
        Tlv types = sequence.child(1);
        if (types != null) {
            StringBuilder s = new StringBuilder(address).append(" (");
            for (Tlv t : types.children()) {
                s.append(MmsRecord.RECIPIENT_TYPE.getOrDefault((int) t.integer(), Long.toString(t.integer())));
            }
            address = s.append(")").toString();
        }
        return address;
    }

    private static String extensions(Tlv set) {
        StringBuilder s = new StringBuilder();
        for (Tlv e : set.children()) {
            if (e.children().size() < 2 || e.children().get(0).tagNumber() != Ber.OBJECT_IDENTIFIER) {
                s.append("\n      ").append(hex(e));
                continue;
            }
            String oid = objectIdentifier(e.children().get(0).contents());
            Tlv info = e.children().get(e.children().size() - 1);
            Tlv value = info.children().isEmpty() ? info : info.children().get(0);
            String text = value.tagClass() == Ber.UNIVERSAL && value.tagNumber() == Ber.UTF8_STRING ? quoted(value.utf8())
                    : value.tagClass() == Ber.UNIVERSAL && value.tagNumber() == Ber.INTEGER ? Long.toString(value.integer())
                    : hex(value);
            String name = GatewayExtension.ofOid(oid).map(g -> g.label() + " (" + oid + ")").orElse(oid);
            s.append("\n      ").append(name).append(" = ").append(text);
        }
        return s.toString();
    }

    static String objectIdentifier(byte[] contents) {
        StringBuilder s = new StringBuilder();
        java.math.BigInteger arc = java.math.BigInteger.ZERO;
        boolean first = true;
        for (byte b : contents) {
            arc = arc.shiftLeft(7).or(java.math.BigInteger.valueOf(b & 0x7F));
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = arc.compareTo(java.math.BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
                    s.append(top).append('.').append(arc.subtract(java.math.BigInteger.valueOf(40L * top)));
                    first = false;
                } else {
                    s.append('.').append(arc);
                }
                arc = java.math.BigInteger.ZERO;
            }
        }
        return s.toString();
    }

    private static String named(Map<Integer, String> names, Tlv v) {
        long value = v.integer();
        String name = names.get((int) value);
        return name == null ? Long.toString(value) : name + " (" + value + ")";
    }

    private static String timeStamp(byte[] octets) {
        Instant t = MmsRecord.readTimeStamp(octets);
        return t == null ? HexFormat.of().formatHex(octets) : t + " (" + HexFormat.of().formatHex(octets) + ")";
    }

    private static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static String hex(Tlv v) {
        return HexFormat.of().formatHex(v.contents());
    }
}
