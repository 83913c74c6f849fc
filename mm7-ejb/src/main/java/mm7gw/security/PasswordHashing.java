package mm7gw.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes passwords with bcrypt through the server's own Elytron, in modular-crypt form ("$2a$..."),
 * which is what the Elytron JDBC realms in server-config read. Passwords are never stored or logged.
 */
public final class PasswordHashing {
    /** bcrypt cost; each step doubles the work. 10 is the common default. */
    public static final int COST = Integer.getInteger("mm7.password.bcrypt-cost", 10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private PasswordHashing() {
    }

    public static String hash(String password) {
        validate(password);
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        RANDOM.nextBytes(salt);
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            BCryptPassword hashed = (BCryptPassword) factory.generatePassword(new EncryptablePasswordSpec(
                    password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }

    /**
     * The realm name of the VASP HTTP mechanisms (server-config/security.cli, mechanism-realm-configurations); part
     * of the DIGEST H(A1), so changing it invalidates every stored digest until passwords are set again.
     */
    public static final String VASP_REALM = "MM7 Gateway";

    /** What the gateway stores for a VASP password: the bcrypt hash and the DIGEST H(A1) per algorithm (hex). */
    public record VaspCredentials(String bcrypt, String digestMd5, String digestSha256) {
    }

    public static VaspCredentials vaspCredentials(String login, String password) {
        String bcrypt = hash(password);
        return new VaspCredentials(bcrypt, digestHa1("MD5", login, password), digestHa1("SHA-256", login, password));
    }

    /** RFC 7616 §3.4.2: H(A1) = H(username ":" realm ":" password), as lower-case hex. */
    static String digestHa1(String algorithm, String login, String password) {
        try {
            byte[] a1 = (login + ":" + VASP_REALM + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(a1));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    public static boolean matches(String password, String modularCryptHash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(ModularCrypt.decode(modularCryptHash)), password.toCharArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Minimum rules for a password the gateway accepts; the message says what is wrong. */
    public static void validate(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        if (password.length() > 72) {
            throw new IllegalArgumentException("a password may have at most 72 characters (bcrypt limit)");
        }
    }
}
