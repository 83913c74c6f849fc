package mm7gw.relay.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Addresses inside the operator's own networks, which the endpoint probe does not reach unless the operator allows
 * it ({@value #ALLOWED}{@code =true}): otherwise anyone who may edit a VASP's relay settings could use the probe to
 * scan the gateway's host and networks (loopback, link-local including cloud metadata at 169.254.169.254, the
 * private IPv4 ranges, carrier-grade NAT 100.64.0.0/10, IPv6 unique-local fc00::/7, the unspecified address).
 * Read on every probe, so the operator can change it on a running server.
 */
final class InternalAddresses {
    static final String ALLOWED = "mm7.relay.probe.private-networks-allowed";

    private InternalAddresses() {
    }

    static boolean allowed() {
        return Boolean.getBoolean(ALLOWED);
    }

    /** The first address of the host that is internal; empty when none is, or the host does not resolve. */
    static Optional<InetAddress> firstInternal(String host) {
        if (host == null) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (internal(a)) {
                    return Optional.of(a);
                }
            }
        } catch (UnknownHostException e) {
            // the probe itself reports the unknown host
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}
