package mm7gw.submission.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Assigns MessageIDs: URL- and XML-safe ASCII, globally unique, roughly time-ordered
 * ("m" + milliseconds in base 36 + 80 random bits in base 32), e.g. {@code m0mh5x2k9c-4f7qzr2ttb1n3a8d}.
 */
public final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private MessageIds() {
    }

    public static String next() {
        return next(Instant.now());
    }

    static String next(Instant now) {
        StringBuilder id = new StringBuilder(32).append('m')
                .append(Long.toString(now.toEpochMilli(), 36).toLowerCase(Locale.ROOT)).append('-');
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long bits = 0;
        int available = 0;
        for (byte b : random) {
            bits = (bits << 8) | (b & 0xff);
            available += 8;
            while (available >= 5) {
                id.append(BASE32[(int) (bits >> (available - 5)) & 31]);
                available -= 5;
            }
        }
        return id.toString();
    }
}
