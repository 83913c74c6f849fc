package mm7gw.kernel;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A submit's DeliveryCondition (TS 23.140 Release 6): the DC values a recipient's terminal must meet for the message
 * to be delivered to it (1: MMS-capable terminals only, 2: only in the home network, not roaming; other values by
 * bilateral agreement). Empty when the VASP gave none.
 */
public record DeliveryConditions(List<Integer> codes) {
    /** the longest list the gateway keeps: as text, "1,2,..." in 64 characters */
    public static final int TEXT_LENGTH = 64;
    public static final DeliveryConditions NONE = new DeliveryConditions(List.of());

    public DeliveryConditions {
        codes = codes == null ? List.of() : codes.stream().distinct().sorted().toList();
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /**
     * Whether a terminal that meets {@code met} meets all these conditions; null means the directory knows no
     * limit of the terminal (it meets every condition).
     */
    public boolean metBy(Collection<Integer> met) {
        return met == null || met.containsAll(codes);
    }

    /** "1,2", or null for none (as stored) */
    public String text() {
        return codes.isEmpty() ? null : String.join(",", codes.stream().map(String::valueOf).toList());
    }

    public static DeliveryConditions parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return new DeliveryConditions(Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList());
    }
}
