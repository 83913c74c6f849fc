package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.vasp.entity.Vasp;

/**
 * Checks, for every MM7 request, that the authenticated account may act as the VASP and VAS the request
 * names. The body's VASPID/VASID are identification only; the account is the authentication.
 */
@ApplicationScoped
public class VaspAuthorisation {
    @Inject
    VaspRegistry registry;

    /**
     * @param login  the authenticated principal's name
     * @param vaspId the VASPID as the request claims it (any text, compared as it is), or null when the request leaves it
     *               out
     * @param vasId  the VASID in the request, or null
     * @return the VASP the request acts for
     */
    public Vasp authorise(String login, String vaspId, String vasId) {
        Vasp vasp = registry.forAdmission(login).orElseThrow(() -> new Mm7Rejection(StatusCode.IMPROPER_IDENTIFICATION,
                "the authenticated account is not a registered VASP"));
        if (vaspId != null && !vaspId.equals(vasp.vaspId().value())) {
            throw new Mm7Rejection(StatusCode.IMPROPER_IDENTIFICATION,
                    "VASPID '" + vaspId + "' does not belong to the authenticated account");
        }
        if (!vasp.isActive()) {
            throw new Mm7Rejection(StatusCode.SERVICE_DENIED, "VASP " + vasp.vaspId() + " is suspended");
        }
        if (vasId != null) {
            var service = vasp.service(vasId).orElseThrow(() -> new Mm7Rejection(StatusCode.IMPROPER_IDENTIFICATION,
                    "VASID '" + vasId + "' is not a service of VASP " + vasp.vaspId()));
            if (!service.isActive()) {
                throw new Mm7Rejection(StatusCode.SERVICE_DENIED, "VASID '" + vasId + "' is not active");
            }
        }
        return vasp;
    }
}
