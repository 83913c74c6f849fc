package mm7gw.vasp.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of client IP addresses in CIDR notation ("192.0.2.0/24", "2001:db8::/32"); a bare address is a
 * block of one. Only literal addresses are accepted, never host names (no DNS look-up ever happens).
 */
public final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String text;
    private final byte[] network;
    private final int prefix;

    private IpRange(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException with a message that says what is wrong */
    public static IpRange parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("an IP range must not be empty");
        }
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String addressPart = slash < 0 ? text : text.substring(0, slash);
        byte[] address = literal(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range"));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
            }
        }
        return new IpRange(text, mask(address, prefix), prefix);
    }

    /** Whether the client address (a literal IPv4 or IPv6 address) lies in this range. */
    public boolean contains(String clientAddress) {
        byte[] a = clientAddress == null ? null : literal(clientAddress.trim()).orElse(null);
        if (a == null) {
            return false;
        }
        if (a.length != network.length) {
            a = ipv4MappedToIpv4(a, network.length);
            if (a == null) {
                return false;
            }
        }
        return java.util.Arrays.equals(mask(a, prefix), network);
    }

    @Override
    public String toString() {
        return text;
    }

    private static java.util.Optional<byte[]> literal(String s) {
        String host = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return java.util.Optional.empty();
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return java.util.Optional.empty();
                }
            }
        }
        try {
            // a literal: InetAddress parses it without any name look-up
            return java.util.Optional.of(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /** ::ffff:a.b.c.d compared with an IPv4 range (and the other way round not at all). */
    private static byte[] ipv4MappedToIpv4(byte[] a, int wanted) {
        if (wanted == 4 && a.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return null;
                }
            }
            if (a[10] == (byte) 0xff && a[11] == (byte) 0xff) {
                return java.util.Arrays.copyOfRange(a, 12, 16);
            }
        }
        return null;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] m = address.clone();
        for (int i = 0; i < m.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            m[i] = (byte) (m[i] & (0xff << (8 - keep)));
        }
        return m;
    }
}
