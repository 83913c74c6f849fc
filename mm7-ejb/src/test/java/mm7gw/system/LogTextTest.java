package mm7gw.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("tx-1\\r\\n2026-12-04 10:00:00,000 ERROR [forged] x",
                LogText.escape("tx-1\r\n2026-12-04 10:00:00,000 ERROR [forged] x"));
        assertEquals("a\\tb\\u0000c\\u001bd\\u007fe\\u0085f\\u2028g\\u202eh", LogText.escape("a\tb\u0000c\u001bd\u007fe\u0085f\u2028g\u202eh"));
        assertEquals("back\\\\slash\\\\n", LogText.escape("back\\slash\\n"), "a literal backslash-n is not a newline escape");
        assertEquals("null", LogText.escape(null));
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String text = "tx-42 VASP demo-vasp \u00fc\u20ac\u5929 <To>447700900123</To>";
        assertSame(text, LogText.escape(text));
    }
}
