package mm7gw.submission.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.RecipientKind;

/**
 * The distinct recipients of a message in the order they were listed, kept as compact text (one line per
 * recipient: list, address type, normalised address, and after a tab the address as the VASP wrote it where that
 * differs) so that a submit to thousands of recipients stores one value instead of thousands of rows; the fan-out
 * reads it back chunk by chunk.
 */
public final class RecipientList {
    /** @param writtenAs the address as the VASP wrote it, or null where that is the normalised address */
    public record Entry(Address address, RecipientKind kind, String writtenAs) {
        public Entry(Address address, RecipientKind kind) {
            this(address, kind, null);
        }
    }

    private final Map<Address, RecipientKind> entries = new LinkedHashMap<>();
    private final Map<Address, String> writtenAs = new java.util.HashMap<>();

    /**
     * Adds a recipient unless the same address is already one: a message reaches each address once.
     *
     * @return whether it was added
     */
    public boolean add(Address address, RecipientKind kind) {
        return entries.putIfAbsent(address, kind) == null;
    }

    /** The same, keeping the address as the VASP wrote it (for its reports) when it differs from the normalised one. */
    public boolean add(Address address, RecipientKind kind, String written) {
        boolean added = add(address, kind);
        String w = written == null ? null : written.trim();
        if (added && w != null && !w.equals(address.value()) && w.length() <= 256 && w.indexOf('\t') < 0
                && w.indexOf('\n') < 0 && w.indexOf('\r') < 0) {
            writtenAs.put(address, w);
        }
        return added;
    }

    public void remove(Address address) {
        entries.remove(address);
        writtenAs.remove(address);
    }

    public int size() {
        return entries.size();
    }

    public List<Address> addresses() {
        return new ArrayList<>(entries.keySet());
    }

    /** The recipients with the list (To, Cc, Bcc) each was named in, in their order. */
    public List<Entry> entries() {
        return entries.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue(), writtenAs.get(e.getKey())))
                .toList();
    }

    /** The recipients as a charging record lists them, the first {@value RecordDetails#MAX_RECIPIENTS}. */
    public List<RecordDetails.ListedRecipient> listed() {
        return entries().stream().limit(RecordDetails.MAX_RECIPIENTS)
                .map(e -> new RecordDetails.ListedRecipient(e.kind(), e.address().type(), e.address().value())).toList();
    }

    public String encode() {
        StringBuilder text = new StringBuilder(entries.size() * 24);
        entries.forEach((a, k) -> text.append(k.name().charAt(0)).append(a.type().name().charAt(0)).append(' ')
                .append(a.value()).append(writtenAs.containsKey(a) ? "\t" + writtenAs.get(a) : "").append('\n'));
        return text.toString();
    }

    /** The entries {@code from} (inclusive) to {@code to} (exclusive) of an encoded list. */
    public static List<Entry> decode(String encoded, int from, int to) {
        List<Entry> slice = new ArrayList<>(Math.max(0, to - from));
        int index = 0;
        int start = 0;
        while (start < encoded.length() && index < to) {
            int end = encoded.indexOf('\n', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (index >= from) {
                slice.add(entry(encoded.substring(start, end)));
            }
            index++;
            start = end + 1;
        }
        return slice;
    }

    private static Entry entry(String line) {
        RecipientKind kind = switch (line.charAt(0)) {
            case 'T' -> RecipientKind.TO;
            case 'C' -> RecipientKind.CC;
            case 'B' -> RecipientKind.BCC;
            default -> throw new IllegalArgumentException("bad recipient line " + line);
        };
        AddressType type = switch (line.charAt(1)) {
            case 'N' -> AddressType.NUMBER;
            case 'S' -> AddressType.SHORT_CODE;
            case 'E' -> AddressType.EMAIL;
            default -> throw new IllegalArgumentException("bad recipient line " + line);
        };
        int tab = line.indexOf('\t', 3);
        return tab < 0 ? new Entry(Address.parse(type, line.substring(3)), kind)
                : new Entry(Address.parse(type, line.substring(3, tab)), kind, line.substring(tab + 1));
    }
}
