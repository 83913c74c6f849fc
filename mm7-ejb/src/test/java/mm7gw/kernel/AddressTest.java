package mm7gw.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"447700900123", "+447700900123", "00447700900123", " +44 7700 900-123 ",
            "+44 (7700) 900.123", "447700900123/TYPE=PLMN"})
    void numbersAreNormalisedToInternationalDigits(String raw) {
        assertEquals("447700900123", Address.number(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12a4567", "1234", "1234567890123456", "++4477", "+"})
    void malformedNumbersAreRefused(String raw) {
        assertThrows(Address.InvalidAddress.class, () -> Address.number(raw));
    }

    @Test
    void emailDomainIsLowerCasedButLocalPartKept() {
        assertEquals("Alice.B@example.net", Address.email("Alice.B@Example.NET").value());
        assertEquals("bob@example.net", Address.email("Bob Smith <bob@example.net>").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "a@", "@example.net", "a b@example.net", "a@exa mple.net"})
    void malformedEmailIsRefused(String raw) {
        assertThrows(Address.InvalidAddress.class, () -> Address.email(raw));
    }

    @Test
    void anEmailAddressIsAtMost254Characters() {
        String local = "a".repeat(64) + "@";
        String longest = local + "d".repeat(63) + "." + "e".repeat(62) + "." + "f".repeat(58) + ".net";
        assertEquals(254, longest.length());
        assertEquals(longest, Address.email(longest).value());
        assertThrows(Address.InvalidAddress.class, () -> Address.email(longest.replace("@", "@g")));
    }

    @Test
    void shortCodes() {
        assertEquals("4455", Address.shortCode(" 4455 ").value());
        assertThrows(Address.InvalidAddress.class, () -> Address.shortCode("44-55"));
    }

    @Test
    void equalityIsTypeAndNormalisedValue() {
        assertEquals(Address.number("+447700900123"), Address.number("00447700900123"));
        assertNotEquals(Address.number("44550"), Address.shortCode("44550"));
    }
}
