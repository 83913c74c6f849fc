package mm7gw.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists bound to a query's {@code in :param}. EclipseLink writes a collection parameter as one marker per value,
 * anew on each execution, so every length of the list is a statement text of its own: one more entry in the pool's
 * and the driver's statement caches of each connection (100 per connection here), parsed again by the database
 * until the driver prepares it on the server. Padded to a power of two, lists of up to 256 values take 9 lengths.
 */
public final class InLists {
    private InLists() {
    }

    /** The values with the last one repeated up to the next power of two in length; a repeat selects nothing more. */
    public static <T> List<T> padded(List<T> values) {
        int size = values.size();
        if (size == 0 || Integer.bitCount(size) == 1) {
            return values;
        }
        int length = Integer.highestOneBit(size) << 1;
        List<T> padded = new ArrayList<>(length);
        padded.addAll(values);
        T last = values.get(size - 1);
        while (padded.size() < length) {
            padded.add(last);
        }
        return padded;
    }
}
