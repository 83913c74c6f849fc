package mm7gw.ws;

import java.util.Optional;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.Defect;
import mm7gw.ws.gen.SubmitReq;

/**
 * Release 6 SubmitReq elements the gateway does not act on yet. A request that carries one is refused with 3002
 * (the Relay/Server could not complete the service requested), never answered 1000 with the element dropped; the
 * Details name the element. The README's protocol section keeps the element-by-element table in step with this
 * class.
 */
final class UnsupportedElements {
    private UnsupportedElements() {
    }

    static Optional<Defect> in(SubmitReq req) {
        if (req.getReplyCharging() != null) {
            return feature("ReplyCharging", "reply charging is not supported");
        }
        return Optional.empty();
    }

    private static Optional<Defect> feature(String element, String why) {
        return Optional.of(new Defect(StatusCode.MESSAGE_REJECTED, element + ": " + why));
    }
}
