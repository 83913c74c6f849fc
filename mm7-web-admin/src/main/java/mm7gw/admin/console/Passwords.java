package mm7gw.admin.console;

import java.security.SecureRandom;

/** Generates passwords for VASP accounts: 20 characters from an unambiguous alphabet (about 115 bits). */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private Passwords() {
    }

    static String generate() {
        char[] p = new char[20];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(p);
    }
}
