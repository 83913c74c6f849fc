package mm7gw.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VaspIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"v", "demo", "VASP-1", "acme.news_2", "0", "a-"})
    void registeredFormsAreVaspIds(String text) {
        VaspId id = new VaspId(text);
        assertEquals(text, id.value());
        assertEquals(text, id.toString());
        assertEquals(id, VaspId.parse(text).orElseThrow());
    }

    @Test
    void sixtyFourCharactersAtMost() {
        String longest = "a".repeat(64);
        assertEquals(longest, new VaspId(longest).value());
        assertThrows(VaspId.InvalidVaspId.class, () -> new VaspId(longest + "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " v", "v ", "-v", ".v", "_v", "v/1", "v@x", "v\u00e9", "v\n"})
    void otherTextsAreNot(String text) {
        assertThrows(VaspId.InvalidVaspId.class, () -> new VaspId(text));
        assertTrue(VaspId.parse(text).isEmpty());
    }

    @Test
    void nullIsNone() {
        assertThrows(VaspId.InvalidVaspId.class, () -> new VaspId(null));
        assertTrue(VaspId.parse(null).isEmpty());
    }

    @Test
    void equalByValueAndCaseSensitive() {
        assertEquals(new VaspId("v1"), new VaspId("v1"));
        assertNotEquals(new VaspId("v1"), new VaspId("V1"));
    }
}
