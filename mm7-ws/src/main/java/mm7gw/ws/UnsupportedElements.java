package mm7gw.ws;

import java.util.Optional;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.Defect;
import mm7gw.ws.gen.CancelReq;
import mm7gw.ws.gen.ChargedPartyType;
import mm7gw.ws.gen.ReplaceReq;
import mm7gw.ws.gen.SubmitReq;

/**
 * Release 6 elements the gateway does not act on. A request that carries one is refused, never answered 1000 with
 * the element dropped: application addressing with 3004 (TS 23.140 §8.7: Application Addressing not supported),
 * the other features with 3002 (the Relay/Server could not complete the service requested). The Details name the
 * element (a ReplaceReq may change DistributionIndicator, ContentClass and DRMContent). The README's protocol section keeps the element-by-element table in step with this class.
 */
final class UnsupportedElements {
    private UnsupportedElements() {
    }

    static Optional<Defect> in(SubmitReq req) {
        Optional<Defect> addressing = applicationAddressing(req.getApplicID(), req.getReplyApplicID(),
                req.getAuxApplicInfo());
        if (addressing.isPresent()) {
            return addressing;
        }
        if (req.getReplyCharging() != null) {
            return feature("ReplyCharging", "reply charging is not supported");
        }
        if (req.getDeliveryCondition() != null) {
            return feature("DeliveryCondition", "delivery conditions are not supported");
        }
        if (req.getChargedParty() == ChargedPartyType.THIRD_PARTY) {
            return feature("ChargedParty", "ThirdParty charging is not supported");
        }
        if (req.getChargedPartyID() != null) {
            return feature("ChargedPartyID", "third-party charging is not supported");
        }
        return Optional.empty();
    }

    static Optional<Defect> in(ReplaceReq req) {
        return applicationAddressing(req.getApplicID(), req.getReplyApplicID(), req.getAuxApplicInfo());
    }

    static Optional<Defect> in(CancelReq req) {
        return applicationAddressing(req.getApplicID(), req.getReplyApplicID(), req.getAuxApplicInfo());
    }

    private static Optional<Defect> applicationAddressing(String applicId, String replyApplicId, String auxApplicInfo) {
        String element = applicId != null ? "ApplicID"
                : replyApplicId != null ? "ReplyApplicID"
                : auxApplicInfo != null ? "AuxApplicInfo" : null;
        return element == null ? Optional.empty()
                : Optional.of(new Defect(StatusCode.APPLICATION_ADDRESSING_NOT_SUPPORTED,
                        element + ": application addressing is not supported"));
    }

    private static Optional<Defect> feature(String element, String why) {
        return Optional.of(new Defect(StatusCode.MESSAGE_REJECTED, element + ": " + why));
    }
}
