package mm7gw.relay.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class InternalAddressesTest {

    private static boolean internal(String literal) throws Exception {
        return InternalAddresses.internal(InetAddress.getByName(literal));
    }

    @Test
    void loopbackLinkLocalPrivateAndSharedRangesAreInternal() throws Exception {
        for (String a : new String[] {"127.0.0.1", "127.8.9.10", "::1", "169.254.169.254", "fe80::1", "10.1.2.3",
                "172.16.0.1", "172.31.255.254", "192.168.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "::",
                "fc00::1", "fd12:3456::1", "224.0.0.1", "::ffff:127.0.0.1"}) {
            assertTrue(internal(a), a);
        }
    }

    @Test
    void publicAddressesAreNot() throws Exception {
        for (String a : new String[] {"192.0.2.10", "198.51.100.7", "8.8.8.8", "172.32.0.1", "100.128.0.1",
                "100.63.255.255", "2001:db8::1", "2a00:1450::1"}) {
            assertFalse(internal(a), a);
        }
    }

    @Test
    void aHostNameIsJudgedByWhatItResolvesTo() {
        assertEquals("127.0.0.1", InternalAddresses.firstInternal("127.0.0.1").orElseThrow().getHostAddress());
        assertTrue(InternalAddresses.firstInternal("192.0.2.10").isEmpty());
        assertTrue(InternalAddresses.firstInternal(null).isEmpty());
    }
}
