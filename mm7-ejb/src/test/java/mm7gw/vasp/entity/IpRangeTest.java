package mm7gw.vasp.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangeTest {
    @Test
    void ipv4Blocks() {
        IpRange r = IpRange.parse("192.0.2.0/24");
        assertTrue(r.contains("192.0.2.0"));
        assertTrue(r.contains("192.0.2.255"));
        assertFalse(r.contains("192.0.3.1"));
        assertFalse(r.contains("127.0.0.1"));
        assertTrue(IpRange.parse("10.1.2.3/8").contains("10.200.0.1"), "host bits are ignored");
        assertTrue(IpRange.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(IpRange.parse("127.0.0.1").contains("127.0.0.1"));
        assertFalse(IpRange.parse("127.0.0.1").contains("127.0.0.2"));
        assertTrue(IpRange.parse("172.16.0.0/12").contains("172.31.255.255"));
        assertFalse(IpRange.parse("172.16.0.0/12").contains("172.32.0.0"));
    }

    @Test
    void ipv6AndMappedAddresses() {
        assertTrue(IpRange.parse("2001:db8::/32").contains("2001:db8:1::5"));
        assertFalse(IpRange.parse("2001:db8::/32").contains("2001:db9::1"));
        assertTrue(IpRange.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
        assertTrue(IpRange.parse("127.0.0.0/8").contains("::ffff:127.0.0.1"));
        assertFalse(IpRange.parse("::1/128").contains("127.0.0.1"));
    }

    @Test
    void refusesWhatIsNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse(" "));
        assertFalse(IpRange.parse("10.0.0.0/8").contains("localhost"), "no name look-up");
        assertFalse(IpRange.parse("10.0.0.0/8").contains(null));
    }
}
