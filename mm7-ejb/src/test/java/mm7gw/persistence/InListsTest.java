package mm7gw.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    private static List<String> values(int n) {
        return IntStream.range(0, n).mapToObj(i -> "tx" + i).toList();
    }

    @Test
    void aBatchsListsTakeFewLengths() {
        Set<Integer> lengths = new HashSet<>();
        for (int n = 1; n <= 32; n++) {
            lengths.add(InLists.padded(values(n)).size());
        }
        assertEquals(Set.of(1, 2, 4, 8, 16, 32), lengths);
    }

    @Test
    void paddingRepeatsTheListsOwnValuesAndAtMostDoublesIt() {
        for (int n = 1; n <= 100; n++) {
            List<String> values = values(n);
            List<String> padded = InLists.padded(values);
            assertEquals(1, Integer.bitCount(padded.size()), "a power of two: " + padded.size());
            assertTrue(padded.size() >= n && padded.size() < 2 * n, n + " to " + padded.size());
            assertEquals(values, padded.subList(0, n));
            assertEquals(new HashSet<>(values), new HashSet<>(padded), "nothing but the list's own values");
        }
    }

    @Test
    void aListOfAPowerOfTwoIsLeftAsItIs() {
        List<String> eight = values(8);
        assertSame(eight, InLists.padded(eight));
        assertEquals(List.of(), InLists.padded(List.of()));
    }
}
