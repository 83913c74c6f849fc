package mm7gw.elytron;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {
    private final VerifiedPasswords verified = new VerifiedPasswords(1000, 3);

    @Test
    void aRememberedPasswordIsKnownUntilItExpires() {
        verified.remember("acme", "$2a$hash1", "secret".toCharArray(), 0);
        assertTrue(verified.known("acme", "$2a$hash1", "secret".toCharArray(), 999));
        assertFalse(verified.known("acme", "$2a$hash1", "secret".toCharArray(), 1001));
    }

    @Test
    void anotherPasswordOrAChangedHashIsNotKnown() {
        verified.remember("acme", "$2a$hash1", "secret".toCharArray(), 0);
        assertFalse(verified.known("acme", "$2a$hash1", "secreT".toCharArray(), 1));
        assertFalse(verified.known("acme", "$2a$hash2", "secret".toCharArray(), 1), "password rotated");
        assertFalse(verified.known("other", "$2a$hash1", "secret".toCharArray(), 1));
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 10; i++) {
            verified.remember("vasp" + i, "$2a$h", "pw".toCharArray(), 0);
        }
        assertTrue(verified.known("vasp9", "$2a$h", "pw".toCharArray(), 1));
    }

    @Test
    void aZeroTimeToLiveDisablesIt() {
        VerifiedPasswords off = new VerifiedPasswords(0, 10);
        off.remember("acme", "$2a$hash1", "secret".toCharArray(), 0);
        assertFalse(off.known("acme", "$2a$hash1", "secret".toCharArray(), 0));
    }
}
