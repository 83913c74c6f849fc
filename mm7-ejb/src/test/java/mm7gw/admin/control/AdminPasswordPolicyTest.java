package mm7gw.admin.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminPasswordPolicyTest {

    private static void refused(String login, String password, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminPasswordPolicy.check(login, password));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void shortLoginLikeAndPublishedPasswordsAreRefused() {
        refused("ops", null, "at least 12");
        refused("ops", "eleven-char", "at least 12");
        refused("operator-anna", "Operator-Anna", "may not be the login");
        refused("ops", "it-admin-secret", "publishes");
        refused("ops", "demo-relay-key-not-for-production", "publishes");
        refused("ops", "x".repeat(73), "72");
    }

    @Test
    void aLongPasswordOfOnesOwnIsAccepted() {
        assertDoesNotThrow(() -> AdminPasswordPolicy.check("ops", "correct horse battery"));
    }
}
