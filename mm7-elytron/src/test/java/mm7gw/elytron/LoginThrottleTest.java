package mm7gw.elytron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void fiveFailuresAreFreeThenTheBlockDoublesUpToTheMaximum() {
        LoginThrottle t = new LoginThrottle(Map.of("max-failed-logins", "5", "lock-seconds", "30",
                "max-lock-seconds", "300"));
        assertEquals(0, t.blockMillisAfter(4));
        assertEquals(30_000, t.blockMillisAfter(5));
        assertEquals(60_000, t.blockMillisAfter(6));
        assertEquals(240_000, t.blockMillisAfter(8));
        assertEquals(300_000, t.blockMillisAfter(9));
        assertEquals(300_000, t.blockMillisAfter(1_000));
    }

    @Test
    void clientNetworksAreCheckedBeforeThePassword() {
        assertTrue(ClientNetworks.allow(null, "192.0.2.7"));
        assertTrue(ClientNetworks.allow("192.0.2.0/24,2001:db8::/32", "192.0.2.7"));
        assertTrue(ClientNetworks.allow("192.0.2.0/24, 2001:db8::/32", "2001:db8::1"));
        assertTrue(ClientNetworks.allow("127.0.0.0/8", "::ffff:127.0.0.1"));
        assertFalse(ClientNetworks.allow("192.0.2.0/24,::2/128", "127.0.0.1"));
        assertFalse(ClientNetworks.allow("192.0.2.0/24", "198.51.100.1"));
        assertFalse(ClientNetworks.allow("192.0.2.0/24", "not-an-address"), "never a DNS look-up");
        assertFalse(ClientNetworks.allow("cafe", "192.0.2.1"), "nor for a range that looks like hex");
        assertTrue(ClientNetworks.allow("192.0.2.0/24", LoginThrottle.UNKNOWN_SOURCE), "the application checks it then");
    }
}
