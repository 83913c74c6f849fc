package mm7gw.elytron;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Remembers, for a short time, that a password was verified against an account's bcrypt hash, so a VASP that
 * sends Basic credentials with every request pays for bcrypt once per time-to-live instead of on every request.
 * <p>
 * Nothing reusable is kept: an entry holds the bcrypt hash it was verified against and an HMAC of the password
 * under a random key that exists only in this JVM's memory. An entry counts only while the account still has the
 * same bcrypt hash (a password change or rotation invalidates it at once, on every node, because the account row
 * is read from the database for every request) and only until it expires. Lock-outs and suspensions are checked
 * as before, since they do not depend on the password check.
 */
public final class VerifiedPasswords {
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();
    private record Entry(String bcryptHash, byte[] mac, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlMillis;
    private final int maxEntries;

    public VerifiedPasswords(long ttlMillis, int maxEntries) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /**
     * Whether the password matches the account's bcrypt hash: remembered from an earlier check, or checked with bcrypt
     * now (and then remembered). A hash that is not bcrypt's modular-crypt form matches nothing.
     */
    public boolean verify(String login, String bcryptHash, char[] password, long nowMillis) {
        if (known(login, bcryptHash, password, nowMillis)) {
            return true;
        }
        boolean ok;
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            ok = factory.verify(factory.translate(ModularCrypt.decode(bcryptHash)), password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        if (ok) {
            remember(login, bcryptHash, password, nowMillis);
        }
        return ok;
    }

    boolean known(String login, String bcryptHash, char[] password, long nowMillis) {
        if (ttlMillis <= 0) {
            return false;
        }
        Entry e = entries.get(login);
        if (e == null || e.expiresAtMillis() < nowMillis || !e.bcryptHash().equals(bcryptHash)) {
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(login, password));
    }

    void remember(String login, String bcryptHash, char[] password, long nowMillis) {
        if (ttlMillis <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis() < nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(login, new Entry(bcryptHash, mac(login, password), nowMillis + ttlMillis));
    }

    private byte[] mac(String login, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(login.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
