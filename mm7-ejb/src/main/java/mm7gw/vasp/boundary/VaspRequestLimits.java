package mm7gw.vasp.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.Vasp;

/**
 * What the calling VASP account's service levels allow a request before it is read, for the MM7 binding, which
 * limits the request body while it streams in. Reads the VASP as admission does ({@link VaspRegistry#forAdmission}:
 * at most {@code mm7.cache.millis} old), so it costs no database read per request.
 */
@Stateless
@RolesAllowed("vasp")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // called before every MM7 request: no JTA transaction begun and ended for a read of the kept view
public class VaspRequestLimits {
    @Resource
    SessionContext context;

    @Inject
    VaspRegistry registry;

    /**
     * The largest message size (bytes of content) any service level of the caller's VASP allows; empty when one of
     * them sets no limit, or when the account is no VASP's.
     */
    public OptionalLong largestMessageSize() {
        return registry.forAdmission(context.getCallerPrincipal().getName()).map(Vasp::largestMessageSize)
                .orElse(OptionalLong.empty());
    }
}
