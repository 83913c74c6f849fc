package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import mm7gw.system.ServerSecret;

/**
 * Seals the outbound passwords the gateway must present to VASPs (they cannot be hashed: the gateway needs them
 * in clear to call out). AES-256-GCM with a random 96-bit IV per value; the key is the SHA-256 of the server's
 * environment variable {@value #KEY_ENVIRONMENT}, else of the system property {@value #KEY_PROPERTY} (a long
 * random secret, set like any server credential: in the server's environment, or from a credential store expression). Without that property no outbound password can be
 * stored. A sealed value is {@code v1:} followed by base64(IV || ciphertext || tag).
 */
@ApplicationScoped
public class SecretBox {
    public static final String KEY_PROPERTY = "mm7.relay.secret-key";
    /** the same key in the server's environment, read first (off the command line and the boot log) */
    public static final String KEY_ENVIRONMENT = "MM7_RELAY_SECRET_KEY";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public boolean isAvailable() {
        String secret = ServerSecret.read(KEY_ENVIRONMENT, KEY_PROPERTY);
        return secret != null && !secret.isBlank();
    }

    public String seal(String plain) {
        return seal(plain, key());
    }

    public String open(String sealed) {
        return open(sealed, key());
    }

    static String seal(String plain, SecretKeySpec key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv)
                    .put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    static String open(String sealed, SecretKeySpec key) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret (was " + KEY_PROPERTY + " changed?)", e);
        }
    }

    static SecretKeySpec keyOf(String secret) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        if (!isAvailable()) {
            throw new IllegalStateException("no relay key: system property " + KEY_PROPERTY + " is not set");
        }
        return keyOf(ServerSecret.read(KEY_ENVIRONMENT, KEY_PROPERTY));
    }
}
