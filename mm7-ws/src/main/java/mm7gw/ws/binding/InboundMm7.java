package mm7gw.ws.binding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Optional;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.ContentInput;
import mm7gw.wire.Mm7Release;

/**
 * What {@link Mm7Binding} learnt about a request on the wire, for the endpoint: the caller's release and
 * MM7Version, the MIME entity its Content element referenced, and the problems the operation has to answer
 * with a status (values in the wrong format: 2007; content that cannot be taken: 2004).
 */
public record InboundMm7(Mm7Release release, String mm7Version, ContentInput content, List<Problem> problems) {
    public static final String ATTRIBUTE = InboundMm7.class.getName();

    public record Problem(StatusCode status, String details) {
    }

    /** The wire facts of the current request; a request that bypassed the binding counts as canonical and clean. */
    public static InboundMm7 of(WebServiceContext context) {
        Object request = context == null ? null : context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        Object found = request instanceof HttpServletRequest r ? r.getAttribute(ATTRIBUTE) : null;
        return found instanceof InboundMm7 in ? in
                : new InboundMm7(Mm7Release.CANONICAL, Mm7Release.CANONICAL.usualVersion(), null, List.of());
    }

    /** @throws Mm7Rejection with the first problem's status and the details of all problems with that status */
    public void requireNoProblem() {
        Optional<Problem> first = firstProblem();
        if (first.isPresent()) {
            throw new Mm7Rejection(first.get().status(), first.get().details());
        }
    }

    /** The first problem's status with the details of all problems with that status, if there is a problem. */
    public Optional<Problem> firstProblem() {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        StatusCode status = problems.get(0).status();
        return Optional.of(new Problem(status, String.join("; ",
                problems.stream().filter(p -> p.status() == status).map(Problem::details).toList())));
    }
}
