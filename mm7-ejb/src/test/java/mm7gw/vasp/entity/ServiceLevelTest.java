package mm7gw.vasp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelTest {
    private static ServiceLevel.Terms networks(List<String> networks) {
        ServiceLevel.Terms d = ServiceLevel.Terms.DEFAULT;
        return new ServiceLevel.Terms(d.allowedOperations(), d.authMechanisms(), d.maxMessageSize(), d.maxRecipients(),
                d.allowedSenders(), d.allowedPriorities(), d.allowedChargedParties(), d.maxExpiry(),
                d.deliveryReportAllowed(), d.readReplyAllowed(), d.tlsRequired(), networks,
                d.maxSubmissionsPerSecond(), d.maxRecipientsPerSecond(), d.vasIdOptional(), d.digestMd5Allowed());
    }

    @Test
    void noClientNetworksAllowEveryClient() {
        ServiceLevel level = new ServiceLevel(null, null);
        assertTrue(level.allowsClient("203.0.113.9"));
        assertTrue(level.allowsClient("::1"));
        assertTrue(level.allowsClient(null), "unknown address: no network restricts it");
    }

    @Test
    void clientNetworksAreParsedOnceAndAgainWhenChanged() {
        ServiceLevel level = new ServiceLevel(null, null);
        level.apply(networks(List.of("192.0.2.0/24", " 2001:db8::/32")));
        assertTrue(level.allowsClient("192.0.2.17"));
        assertTrue(level.allowsClient("2001:db8:1::5"));
        assertFalse(level.allowsClient("198.51.100.1"));
        assertFalse(level.allowsClient(null));
        assertSame(level.clientNetworks(), level.clientNetworks(), "parsed once, not per request");
        List<IpRange> before = level.clientNetworks();

        level.apply(networks(List.of("198.51.100.0/24")));
        assertNotSame(before, level.clientNetworks(), "a changed text is parsed again");
        assertTrue(level.allowsClient("198.51.100.1"));
        assertFalse(level.allowsClient("192.0.2.17"));

        level.apply(networks(List.of()));
        assertEquals(List.of(), level.clientNetworks());
        assertTrue(level.allowsClient("192.0.2.17"));
    }

    @Test
    void termsAreBuiltOnceAndAgainWhenAColumnChanged() {
        ServiceLevel level = new ServiceLevel(null, null);
        assertEquals(ServiceLevel.Terms.DEFAULT, level.terms());
        assertSame(level.terms(), level.terms(), "built once, not per check");
        ServiceLevel.Terms before = level.terms();

        level.apply(networks(List.of("192.0.2.0/24")));
        assertNotSame(before, level.terms(), "changed columns give new terms");
        assertEquals(List.of("192.0.2.0/24"), level.terms().allowedClientNetworks());
        assertEquals(networks(List.of("192.0.2.0/24")), level.terms());

        ServiceLevel.Terms unrestricted = ServiceLevel.Terms.UNRESTRICTED;
        level.apply(unrestricted);
        assertEquals(unrestricted, level.terms(), "every column read again, not only the networks");
        assertEquals(null, level.terms().maxMessageSize());
        assertTrue(level.terms().digestMd5Allowed());
    }
}
