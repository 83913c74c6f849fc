package mm7gw.ws;

import javax.xml.namespace.QName;

/** Names on the wire that the hand-written protocol code needs. */
public final class Mm7Namespace {
    public static final String CANONICAL = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4";
    public static final String CANONICAL_VERSION = "6.8.0";
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final QName MUST_UNDERSTAND = new QName(SOAP_ENV, "mustUnderstand");

    private Mm7Namespace() {
    }
}
