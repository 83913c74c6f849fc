package mm7gw.admin.control;

import java.util.Locale;
import mm7gw.bootstrap.DefaultSecrets;
import mm7gw.security.PasswordHashing;

/**
 * What an administrator's password must be: at least {@value #MIN_LENGTH} characters (at most 72, bcrypt's limit),
 * not the login, and none of the passwords this project publishes ({@link DefaultSecrets}: the run command's and
 * the test servers' administrator passwords, relay keys, key store password).
 */
public final class AdminPasswordPolicy {
    public static final int MIN_LENGTH = 12;

    private AdminPasswordPolicy() {
    }

    /** @throws IllegalArgumentException saying which rule the password breaks */
    public static void check(String login, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("an administrator's password needs at least " + MIN_LENGTH
                    + " characters");
        }
        PasswordHashing.validate(password);
        if (password.trim().toLowerCase(Locale.ROOT).equals(login.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the password may not be the login");
        }
        if (DefaultSecrets.published(password)) {
            throw new IllegalArgumentException("the password is one this project publishes (a demo or test"
                    + " password); choose one of your own");
        }
    }
}
