package mm7gw.ws.binding;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.status.StatusCode;
import mm7gw.system.LogText;
import mm7gw.vasp.boundary.VaspRequestLimits;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.NamespaceMapping;
import mm7gw.wire.SoapWriter;
import mm7gw.wire.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The MM7 HTTP binding in front of the JAX-WS endpoint, one mechanism for every MM7 release. On the way in it
 * takes the request off the wire ({@link InboundReader}: SOAP with Attachments, SOAP 1.1, namespace, version,
 * lenient values), answers what is not an MM7 request with an RSErrorRsp fault, and hands the runtime a plain
 * text/xml envelope in the canonical namespace. On the way out it renames the response into the caller's
 * namespace and writes every fault itself ({@link Mm7Fault}), so a successful request never needs the
 * runtime to build a SOAP message model of it.
 */
public class Mm7Binding extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(Mm7Binding.class.getName());
    /** The request elements the Relay/Server endpoint implements. */
    static final Set<String> OPERATIONS = Set.of("SubmitReq", "CancelReq", "ReplaceReq");
    static final String SCHEMA = "/WEB-INF/wsdl/REL-6-MM7-1-4.xsd";
    private SchemaVocabulary vocabulary;

    /** The VASP's service levels, for the size of request body read from it ({@link RequestSizeLimit}). */
    @EJB
    VaspRequestLimits limits;

    @Override
    public void init() throws ServletException {
        try (java.io.InputStream xsd = getServletContext().getResourceAsStream(SCHEMA)) {
            if (xsd == null) {
                throw new ServletException("the MM7 schema " + SCHEMA + " is missing from the WAR");
            }
            vocabulary = SchemaVocabulary.read(xsd);
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String account = request.getRemoteUser();
        int cap = VaspConcurrency.cap();
        if (account == null || cap <= 0) {
            handle(account, request, response, chain);
            return;
        }
        if (!VaspConcurrency.enter(account, cap)) {
            refuseOverCap(account, cap, response);
            return;
        }
        try {
            handle(account, request, response, chain);
        } finally {
            VaspConcurrency.leave(account);
        }
    }

    /**
     * A VASP account with {@code cap} requests in flight on this node already: HTTP 503 with {@code Retry-After}, at
     * once and before the body is read (the connection is closed rather than the rest of the body drained).
     */
    private static void refuseOverCap(String account, int cap, HttpServletResponse response) throws IOException {
        mm7gw.metrics.Metrics.vaspConcurrencyRefusal(account);
        LOG.fine(() -> "MM7 request of account '" + LogText.escape(account) + "' refused: " + cap + " in flight");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setContentType("text/plain; charset=utf-8");
        byte[] text = ("This VASP account has " + cap + " MM7 requests in progress on this node, the most it may have"
                + " (" + VaspConcurrency.PROPERTY + "); retry after 1 s.\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    /**
     * The most request body read from the account: what its service levels allow ({@link RequestSizeLimit}); the
     * server-wide limit where they set none, for a request without an account, or when the levels cannot be read now
     * (the request then meets the same trouble further on).
     */
    private RequestSizeLimit sizeLimit(String account) {
        if (account == null) {
            return RequestSizeLimit.serverWide();
        }
        try {
            OptionalLong largest = limits.largestMessageSize();
            return largest.isPresent() ? RequestSizeLimit.forContent(largest.getAsLong()) : RequestSizeLimit.serverWide();
        } catch (RuntimeException e) {
            LOG.fine(() -> "the service levels of account '" + LogText.escape(account) + "' cannot be read ("
                    + e + "); the server-wide request size limit applies");
            return RequestSizeLimit.serverWide();
        }
    }

    private void handle(String account, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InboundReader reader = new InboundReader(OPERATIONS, vocabulary);
        byte[] body;
        try {
            body = BoundedBody.read(request, sizeLimit(account));
        } catch (BoundedBody.TooLarge e) {
            LOG.info(() -> "MM7 request of account '" + LogText.escape(String.valueOf(account)) + "' from "
                    + request.getRemoteAddr() + " refused: " + LogText.escape(e.getMessage()));
            response.setHeader("Connection", "close");
            refuse(response, reader, StatusCode.CONTENT_REFUSED, e.getMessage());
            // answer now, while the client is still sending: it can stop instead of pushing the rest
            response.flushBuffer();
            return;
        }
        InboundReader.Result read;
        try {
            read = reader.read(request.getContentType(), body);
        } catch (WireFault f) {
            LOG.fine(() -> "MM7 request refused on the wire: " + LogText.escape(f.getMessage()));
            refuse(response, reader, f.status(), f.details());
            return;
        } catch (NotUnderstood f) {
            LOG.fine(() -> "MM7 request refused: " + LogText.escape(f.getMessage()));
            f.fault().write(response, Mm7Release.CANONICAL, null);
            return;
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "reading an MM7 request failed (incident " + incident + ")", e);
            refuse(response, reader, StatusCode.SERVER_ERROR, "the request could not be read; incident " + incident);
            return;
        }
        request.setAttribute(InboundMm7.ATTRIBUTE, read.inbound());
        request.setAttribute(RequestDigest.ATTRIBUTE, RequestDigest.of(read.canonical(), read.inbound().content()));
        CapturedResponse captured = new CapturedResponse(response);
        chain.doFilter(new CanonicalRequest(request, read), captured);
        byte[] answer = answerInKind(request, captured, reader);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /**
     * The runtime's answer in the caller's namespace. Every fault is written here, whoever raised it: the fault the
     * endpoint raised ({@link Mm7Fault#raised}) as it was built, a fault the runtime made itself as an RSErrorRsp of
     * its own; the faultcode says whose fault it is, and the request's TransactionID is echoed in the header.
     */
    private static byte[] answerInKind(HttpServletRequest request, CapturedResponse captured, InboundReader reader) {
        Mm7Fault raised = Mm7Fault.raised(request);
        if (raised != null) {
            captured.setContentType("text/xml; charset=utf-8");
            return raised.envelope(reader.release(), reader.transactionId());
        }
        byte[] answer = captured.bytes();
        boolean fault = captured.getStatus() >= 400;
        if ((!fault && reader.release().isCanonical()) || answer.length == 0) {
            return answer;
        }
        Document doc;
        try {
            doc = Xml.parse(answer, null);
        } catch (org.xml.sax.SAXException e) {
            return answer;
        }
        List<Element> runtimeFaults = elements(doc, SoapWriter.SOAP_ENV, "Fault");
        if (fault && !runtimeFaults.isEmpty()) {
            String faultString = textOf(runtimeFaults.get(0), "faultstring");
            boolean client = textOf(runtimeFaults.get(0), "faultcode").endsWith("Client");
            LOG.info(() -> "JAX-WS runtime fault answered as RSErrorRsp: " + LogText.escape(faultString));
            captured.setContentType("text/xml; charset=utf-8");
            return Mm7Fault.rsError(reader.mm7Version(), client ? StatusCode.VALIDATION_ERROR : StatusCode.SERVER_ERROR,
                    client ? faultString : "the request could not be executed")
                    .envelope(reader.release(), reader.transactionId());
        }
        if (reader.release().isCanonical()) {
            return answer;
        }
        NamespaceMapping.rename(doc, Mm7Release.CANONICAL.namespace(), reader.release().namespace());
        return Xml.serialise(doc);
    }

    private static List<Element> elements(Document doc, String ns, String localName) {
        var nodes = doc.getElementsByTagNameNS(ns, localName);
        List<Element> found = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String textOf(Element parent, String localName) {
        Element e = Xml.child(parent, localName);
        return e == null ? "" : e.getTextContent().trim();
    }

    /** A request refused before the runtime sees it: an RSErrorRsp fault in the caller's release. */
    private static void refuse(HttpServletResponse response, InboundReader reader, StatusCode status, String details)
            throws IOException {
        Mm7Fault.rsError(reader.mm7Version(), status, details).write(response, reader.release(), reader.transactionId());
    }

    /**
     * The request as the runtime sees it: one text/xml envelope, SOAPAction empty (MM7 never routes on it); the
     * envelope is written when the runtime reads the body.
     */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {
        private static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
        private final InboundReader.Result read;

        CanonicalRequest(HttpServletRequest request, InboundReader.Result read) {
            super(request);
            this.read = read;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private ByteArrayInputStream in;

                private ByteArrayInputStream in() {
                    if (in == null) {
                        in = new ByteArrayInputStream(read.canonicalEnvelope());
                    }
                    return in;
                }

                @Override
                public int read() {
                    return in().read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in().read(b, off, len);
                }

                @Override
                public int available() {
                    return in().available();
                }

                @Override
                public boolean isFinished() {
                    return in().available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getContentType() {
            return CONTENT_TYPE;
        }

        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "content-type" -> CONTENT_TYPE;
                case "content-length" -> null;
                case "soapaction" -> "\"\"";
                case "transfer-encoding", "content-transfer-encoding" -> null;
                default -> super.getHeader(name);
            };
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? Collections.emptyEnumeration() : switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "content-type", "soapaction" -> Collections.enumeration(List.of(value));
                default -> super.getHeaders(name);
            };
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String n = e.nextElement();
                String lower = n.toLowerCase(java.util.Locale.ROOT);
                if (!lower.equals("transfer-encoding") && !lower.equals("content-type")
                        && !lower.equals("content-length") && !lower.equals("soapaction")) {
                    names.add(n);
                }
            }
            names.add("Content-Type");
            names.add("SOAPAction");
            return Collections.enumeration(names);
        }
    }

    /** Holds the runtime's response body back so it can be answered in the caller's namespace. */
    private static final class CapturedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("not asynchronous");
            }
        };

        CapturedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
        }

        @Override
        public void reset() {
            buffer.reset();
            super.reset();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }
    }
}
