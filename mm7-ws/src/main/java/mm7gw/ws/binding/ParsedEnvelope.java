package mm7gw.ws.binding;

import jakarta.servlet.http.HttpServletRequest;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.W3CDOMStreamReader;
import org.w3c.dom.Document;

/**
 * Hands the envelope {@link Mm7Binding} has already parsed to the JAX-WS runtime on WildFly (Apache CXF), as a
 * stream reader over the document, before the runtime would parse the request body a second time: the runtime's
 * own reader is only made when none is there. On another runtime this class is never loaded, and the runtime reads
 * the canonical envelope's bytes instead.
 */
public class ParsedEnvelope extends AbstractPhaseInterceptor<Message> {
    /** CXF's message property for the servlet request (AbstractHTTPDestination.HTTP_REQUEST) */
    private static final String HTTP_REQUEST = "HTTP.REQUEST";

    public ParsedEnvelope() {
        super(Phase.POST_STREAM);
        addBefore(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(XMLStreamReader.class) == null
                && message.get(HTTP_REQUEST) instanceof HttpServletRequest request
                && request.getAttribute(Mm7Binding.PARSED_ENVELOPE) instanceof Document envelope) {
            message.setContent(XMLStreamReader.class, new W3CDOMStreamReader(envelope));
            request.setAttribute(Mm7Binding.PARSED_ENVELOPE_TAKEN, Boolean.TRUE);
        }
    }
}
