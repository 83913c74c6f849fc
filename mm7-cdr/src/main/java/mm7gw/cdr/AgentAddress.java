package mm7gw.cdr;

import java.io.ByteArrayOutputStream;

/**
 * An MMSAgentAddress (TS 32.298): the address as one alternative of MMSAgentAddressData (eMail-address [0],
 * mSISDN [1], shortCode [2]; a CHOICE, so explicitly tagged inside [0]) and, for a recipient, its
 * MMSRecipientType (tO, cC, bCC) in [1].
 *
 * @param recipientType null when the address is not a recipient's
 */
public record AgentAddress(Kind kind, String value, RecipientType recipientType) {
    public enum Kind {
        EMAIL(0), MSISDN(1), SHORT_CODE(2);

        final int tag;

        Kind(int tag) {
            this.tag = tag;
        }

        public int tag() {
            return tag;
        }
    }

    public enum RecipientType {
        TO, CC, BCC
    }

    public AgentAddress {
        if (kind == Kind.MSISDN && !isMsisdn(value)) {
            throw new IllegalArgumentException("an MSISDN is 1 to 16 digits: " + value);
        }
    }

    /** Whether a number can be written as an MSISDN (ISDN-AddressString: at most 8 octets of digits). */
    public static boolean isMsisdn(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 16) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The contents of the SEQUENCE (without its own identifier and length). */
    byte[] sequenceContents() {
        byte[] data = Ber.context(kind.tag, kind == Kind.MSISDN ? isdnAddressString(value) : Ber.utf8(value));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Ber.contextConstructed(0, data));
        if (recipientType != null) {
            out.writeBytes(Ber.contextConstructed(1, Ber.universal(Ber.ENUMERATED, Ber.integer(recipientType.ordinal()))));
        }
        return out.toByteArray();
    }

    /**
     * ISDN-AddressString (TS 29.002): one octet with extension bit 1, nature of address "international number"
     * (001) and numbering plan "ISDN/telephony, E.164" (0001), i.e. 0x91; then the digits as TBCD, two per
     * octet, the first in the low nibble, an odd count filled with F.
     */
    public static byte[] isdnAddressString(String digits) {
        byte[] out = new byte[1 + (digits.length() + 1) / 2];
        out[0] = (byte) 0x91;
        for (int i = 0; i < digits.length(); i += 2) {
            int low = digits.charAt(i) - '0';
            int high = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0x0F;
            out[1 + i / 2] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** The digits of an ISDN-AddressString (the first octet, type of number and plan, skipped). */
    public static String readIsdnAddressString(byte[] octets) {
        StringBuilder digits = new StringBuilder();
        for (int i = 1; i < octets.length; i++) {
            int low = octets[i] & 0x0F;
            int high = (octets[i] >> 4) & 0x0F;
            digits.append((char) ('0' + low));
            if (high != 0x0F) {
                digits.append((char) ('0' + high));
            }
        }
        return digits.toString();
    }
}
