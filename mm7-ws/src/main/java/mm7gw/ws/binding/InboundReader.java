package mm7gw.ws.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.ContentInput;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.NamespaceMapping;
import mm7gw.wire.SoapWriter;
import mm7gw.wire.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one MM7 request off the wire: the HTTP entity (text/xml or multipart/related), the SOAP 1.1 envelope,
 * the caller's MM7 namespace and MM7Version, the referenced content. Produces the envelope in the canonical
 * namespace for the JAX-WS runtime, or a {@link WireFault} for a request that is not an MM7 request at all.
 * Keeps what it learnt before failing (namespace, version, TransactionID) so the fault can answer in kind.
 */
public final class InboundReader {
    static final String SOAP11 = SoapWriter.SOAP_ENV;
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    /** The most recipient addresses one request may carry, whatever the service level allows (server-wide). */
    static final int MAX_RECIPIENTS = Integer.getInteger("mm7.max-recipients-per-request", 20_000);

    private final Set<String> operations;
    private final SchemaVocabulary vocabulary;
    private Mm7Release release = Mm7Release.CANONICAL;
    private String mm7Version = Mm7Release.CANONICAL.usualVersion();
    private String transactionId;

    /**
     * @param operations the request elements the endpoint offers (e.g. SubmitReq); others get 4003
     * @param vocabulary the elements the schema declares; others are ignored
     */
    public InboundReader(Set<String> operations, SchemaVocabulary vocabulary) {
        this.operations = operations;
        this.vocabulary = vocabulary;
    }

    /**
     * A request read: the envelope in the canonical namespace (as a document, and as the bytes the JAX-WS runtime
     * reads) and the facts for the endpoint. An envelope that reading left as it came (already canonical, UTF-8,
     * every value in form: what a well-behaved VASP sends) goes on as the bytes received; only a changed one is
     * written again from its document, on demand.
     */
    public static final class Result {
        private final Document canonical;
        private final InboundMm7 inbound;
        private byte[] bytes;

        Result(Document canonical, InboundMm7 inbound, byte[] unchanged) {
            this.canonical = canonical;
            this.inbound = inbound;
            this.bytes = unchanged;
        }

        public Document canonical() {
            return canonical;
        }

        public InboundMm7 inbound() {
            return inbound;
        }

        /** The canonical envelope as UTF-8 XML (the bytes received, or written the first time it is asked for). */
        public synchronized byte[] canonicalEnvelope() {
            if (bytes == null) {
                bytes = Xml.serialise(canonical);
            }
            return bytes;
        }
    }

    public Mm7Release release() {
        return release;
    }

    public String mm7Version() {
        return mm7Version;
    }

    public String transactionId() {
        return transactionId;
    }

    public Result read(String contentTypeHeader, byte[] body) throws WireFault, NotUnderstood {
        HeaderValue contentType = HeaderValue.parse(contentTypeHeader);
        SwaMessage swa = null;
        byte[] envelopeBytes = body;
        String charset = contentType.parameter("charset");
        if (contentType.value().startsWith("multipart/")) {
            swa = SwaMessage.parse(contentType, body);
            envelopeBytes = swa.envelope();
            HeaderValue rootType = HeaderValue.parse(swa.root().contentType());
            if (rootType.is("application/soap+xml")) {
                throw soap12();
            }
            charset = rootType.parameter("charset");
        } else if (contentType.is("application/soap+xml")) {
            throw soap12();
        }

        Document doc = parse(envelopeBytes, charset);
        boolean changed = false;
        Element envelope = doc.getDocumentElement();
        if (SOAP12.equals(envelope.getNamespaceURI())) {
            throw soap12();
        }
        if (!SOAP11.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the document element is {" + envelope.getNamespaceURI()
                    + "}" + envelope.getLocalName() + ", not a SOAP 1.1 Envelope {" + SOAP11 + "}Envelope");
        }
        Element header = Xml.child(envelope, "Header");
        Element transaction = header == null ? null : Xml.child(header, "TransactionID");
        if (transaction != null) {
            transactionId = transaction.getTextContent().trim();
        }
        if (header != null) {
            requireUnderstood(header);
        }
        Element soapBody = Xml.child(envelope, "Body");
        List<Element> bodyElements = soapBody == null ? List.of() : Xml.children(soapBody, null);
        if (bodyElements.isEmpty()) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the SOAP Body holds no MM7 request element");
        }
        if (bodyElements.size() > 1) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the SOAP Body holds " + bodyElements.size()
                    + " elements; an MM7 request has exactly one");
        }
        Element operation = bodyElements.get(0);

        String namespace = operation.getNamespaceURI();
        if (namespace == null && transaction != null) {
            // unqualified request element: the TransactionID's namespace says which schema the sender means
            namespace = transaction.getNamespaceURI();
            operation = (Element) doc.renameNode(operation, namespace, operation.getLocalName());
            changed = true;
        }
        Optional<Mm7Release> known = Mm7Release.ofNamespace(namespace);
        if (known.isEmpty()) {
            throw new WireFault(StatusCode.UNSUPPORTED_VERSION, "the request element " + operation.getLocalName()
                    + " is in namespace '" + (namespace == null ? "" : namespace)
                    + "', which is not an MM7 schema this gateway supports (" + Mm7Release.SUPPORTED_NAMESPACES + ")");
        }
        release = known.get();
        mm7Version = release.usualVersion();
        changed |= NamespaceMapping.qualifyChildren(operation);

        Element versionElement = Xml.child(operation, "MM7Version");
        String requestedVersion = versionElement == null ? null : versionElement.getTextContent().trim();
        switch (Mm7Release.checkVersion(requestedVersion)) {
            case MISSING -> throw new WireFault(StatusCode.VALIDATION_ERROR,
                    operation.getLocalName() + " has no MM7Version");
            case MALFORMED -> throw new WireFault(StatusCode.VALIDATION_ERROR,
                    "MM7Version '" + requestedVersion + "' is not a version of the form x.y.z");
            case UNSUPPORTED -> throw new WireFault(StatusCode.UNSUPPORTED_VERSION, "MM7Version " + requestedVersion
                    + " is not supported; this gateway speaks MM7Version " + Mm7Release.SUPPORTED_VERSIONS);
            case SUPPORTED -> mm7Version = requestedVersion;
        }
        if (!operations.contains(operation.getLocalName())) {
            throw new WireFault(StatusCode.UNSUPPORTED_OPERATION, operation.getLocalName()
                    + " is not an operation of the MM7 Relay/Server; it offers " + String.join(", ", operations));
        }

        int recipients = recipientCount(operation);
        if (recipients > MAX_RECIPIENTS) {
            throw new WireFault(StatusCode.OPERATION_RESTRICTED, "the request has " + recipients
                    + " recipient addresses; the gateway takes at most " + MAX_RECIPIENTS + " per request");
        }

        changed |= NamespaceMapping.toRelease(doc, Mm7Release.CANONICAL);
        Leniency.Normalised normalised = Leniency.normalise(operation, vocabulary);
        changed |= normalised.changed();
        List<InboundMm7.Problem> problems = new ArrayList<>();
        for (String p : normalised.problems()) {
            problems.add(new InboundMm7.Problem(StatusCode.MESSAGE_FORMAT_CORRUPT, p));
        }
        ContentInput content = content(operation, swa, problems);
        return new Result(doc, new InboundMm7(release, mm7Version, content, List.copyOf(problems)),
                changed || !plainUtf8(doc, envelopeBytes) ? null : envelopeBytes);
    }

    /**
     * Whether the envelope's bytes can go to the runtime as they are under the canonical Content-Type (UTF-8): read
     * as UTF-8, declared (if at all) as XML 1.0 in UTF-8, and without a byte order mark, which a reader told the
     * charset need not expect.
     */
    private static boolean plainUtf8(Document doc, byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return !bom && "UTF-8".equalsIgnoreCase(doc.getInputEncoding())
                && (doc.getXmlEncoding() == null || "UTF-8".equalsIgnoreCase(doc.getXmlEncoding()))
                && "1.0".equals(doc.getXmlVersion());
    }

    /**
     * Every header block addressed to this node (no actor, or the "next" actor) and marked mustUnderstand is one
     * the gateway knows: TransactionID is the only one MM7 defines.
     */
    private static void requireUnderstood(Element header) throws NotUnderstood {
        for (Element block : Xml.children(header, null)) {
            String mustUnderstand = block.getAttributeNS(SOAP11, "mustUnderstand").trim();
            String actor = block.getAttributeNS(SOAP11, "actor").trim();
            boolean addressedHere = actor.isEmpty() || (SOAP11 + "actor/next").equals(actor);
            boolean must = "1".equals(mustUnderstand) || "true".equalsIgnoreCase(mustUnderstand);
            if (must && addressedHere && !"TransactionID".equals(block.getLocalName())) {
                throw new NotUnderstood(block.getNamespaceURI(), block.getLocalName());
            }
        }
    }

    private static int recipientCount(Element operation) {
        int count = 0;
        for (Element recipients : Xml.children(operation, "Recipients")) {
            for (Element kind : Xml.children(recipients, null)) {
                count += Xml.children(kind, null).size();
            }
        }
        return count;
    }

    private static ContentInput content(Element operation, SwaMessage swa, List<InboundMm7.Problem> problems) {
        Element contentElement = Xml.child(operation, "Content");
        Optional<SwaMessage.MimeEntity> entity;
        if (contentElement == null) {
            entity = swa == null ? Optional.empty() : swa.unreferencedContent();
        } else {
            String href = contentElement.getAttribute("href").trim();
            if (href.isEmpty()) {
                problems.add(new InboundMm7.Problem(StatusCode.VALIDATION_ERROR, "Content has no href"));
                return null;
            }
            if (href.regionMatches(true, 0, "http:", 0, 5) || href.regionMatches(true, 0, "https:", 0, 6)) {
                problems.add(new InboundMm7.Problem(StatusCode.CONTENT_REFUSED, "Content href '" + href
                        + "' points outside the request; the gateway takes content only as a MIME part (cid:)"));
                return null;
            }
            entity = swa == null ? Optional.empty() : swa.referenced(href).map(SwaMessage.MimeEntity::of);
            if (entity.isEmpty()) {
                problems.add(new InboundMm7.Problem(StatusCode.CONTENT_REFUSED, "Content href '" + href
                        + "' refers to no MIME part of the request" + (swa == null
                        ? " (the request is text/xml, not multipart/related with attachments)" : "")));
                return null;
            }
        }
        if (entity.isEmpty()) {
            return null;
        }
        try {
            return new ContentInput(entity.get().contentType(), entity.get().decodedBody());
        } catch (TransferEncoding.Undecodable e) {
            problems.add(new InboundMm7.Problem(StatusCode.CONTENT_REFUSED, "the content part: " + e.getMessage()));
            return null;
        }
    }

    private static Document parse(byte[] bytes, String charset) throws WireFault {
        try {
            return Xml.parse(bytes, charset);
        } catch (SAXParseException e) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the SOAP envelope is not well-formed XML (line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException e) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the SOAP envelope cannot be read as XML: " + e.getMessage());
        }
    }

    private static WireFault soap12() {
        return new WireFault(StatusCode.VALIDATION_ERROR,
                "a SOAP 1.2 envelope; MM7 uses SOAP 1.1 (" + SOAP11 + ", Content-Type text/xml)");
    }
}
