package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may use the gateway's JMS addresses from outside, over the broker's remote acceptor (WildFly: the HTTP port,
 * Payara: the standalone broker's port): billing may subscribe to mm7.charging and nothing else; an account with
 * WildFly's usual role guest (WildFly: an application user of the test server; Payara: a broker account the test
 * profile adds, {@code payara.sh}'s BROKER_ACCOUNTS), an account with a wrong password and a client without an
 * account get nothing. The gateway itself (in-VM on WildFly, the broker account of role gateway on Payara) keeps working: the
 * rest of the suite submits, distributes, relays and publishes charging events through these addresses.
 */
class MessagingRolesIT {
    private static final String GUEST = "it-guest";
    private static final String GUEST_PASSWORD = "it-guest-secret";
    private static final List<String> QUEUES = List.of("mm7.submissions", "mm7.fanout", "mm7.outbound", "mm7.dlq");

    @FunctionalInterface
    private interface JmsAction {
        void run(Session session) throws JMSException;
    }

    @Test
    void anApplicationUserWithTheGuestRoleGetsNoGatewayAddress() throws JMSException {
        try (Connection c = Billing.connect(GUEST, GUEST_PASSWORD)) {
            assertRefused(c, s -> s.createConsumer(s.createTopic("mm7.charging")), "subscribe to mm7.charging");
            assertNeitherPublishingNorQueues(c);
        }
    }

    @Test
    void billingMaySubscribeToChargingButNeitherPublishNorTouchTheQueues() throws JMSException {
        try (Connection c = Billing.connect(Billing.USER, Billing.PASSWORD)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(s.createTopic("mm7.charging")).close();
            s.close();
            assertNeitherPublishingNorQueues(c);
        }
    }

    @Test
    void aWrongPasswordOrNoAccountIsRefused() {
        for (String[] account : new String[][] {{Billing.USER, "not-" + Billing.PASSWORD}, {GUEST, "wrong"},
                {null, null}}) {
            String who = account[0] == null ? "a client without an account" : account[0] + " with a wrong password";
            try (Connection c = Billing.connect(account[0], account[1])) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.createConsumer(s.createTopic("mm7.charging"));
                fail(who + " subscribed to mm7.charging");
            } catch (JMSException refused) {
                assertSecurity(refused, who);
            }
        }
    }

    /** The connection's account may not publish charging events, nor consume from or send to a gateway queue. */
    private static void assertNeitherPublishingNorQueues(Connection c) throws JMSException {
        assertRefused(c, s -> s.createProducer(s.createTopic("mm7.charging")).send(s.createTextMessage("{}")),
                "publish a charging event");
        for (String queue : QUEUES) {
            assertRefused(c, s -> s.createConsumer(s.createQueue(queue)), "consume from " + queue);
            assertRefused(c, s -> s.createProducer(s.createQueue(queue)).send(s.createTextMessage("forged")),
                    "send to " + queue);
        }
    }

    /** The action, in a session of its own, is refused by the broker's security. */
    private static void assertRefused(Connection c, JmsAction action, String what) throws JMSException {
        try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            action.run(s);
            fail("allowed to " + what);
        } catch (JMSException refused) {
            assertSecurity(refused, what);
        }
    }

    private static void assertSecurity(JMSException e, String what) {
        // AMQ229031 unable to validate user, AMQ229032 no permission
        String text = e.getMessage() + " " + e.getCause();
        assertTrue(e instanceof JMSSecurityException || text.contains("AMQ229031") || text.contains("AMQ229032"),
                what + ": not refused by the broker's security but " + e);
    }
}
