package mm7gw.elytron;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The allowed client networks of a VASP's level (comma-separated CIDR ranges, validated when the admin saved them)
 * as the realms (WildFly) and the authentication module (Payara) check them before any password: literal addresses
 * only, never a DNS look-up.
 */
public final class ClientNetworks {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*");

    private ClientNetworks() {
    }

    /** No list (or an unknown source, which the application still checks): allowed. */
    public static boolean allow(String networks, String source) {
        if (networks == null || networks.isBlank() || LoginThrottle.UNKNOWN_SOURCE.equals(source)) {
            return true;
        }
        byte[] client = literal(source);
        if (client == null) {
            return false;
        }
        for (String range : networks.split(",")) {
            if (contains(range.trim(), client)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String cidr, byte[] client) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            return false;
        }
        byte[] c = client;
        if (c.length == 16 && network.length == 4 && isIpv4Mapped(c)) {
            c = java.util.Arrays.copyOfRange(c, 12, 16);
        }
        if (c.length != network.length) {
            return false;
        }
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        return new BigInteger(1, c).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
