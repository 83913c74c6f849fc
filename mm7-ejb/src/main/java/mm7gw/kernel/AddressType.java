package mm7gw.kernel;

/** The three kinds of MM7 address: an MSISDN, an operator short code, or an e-mail style address. */
public enum AddressType {
    NUMBER, SHORT_CODE, EMAIL
}
