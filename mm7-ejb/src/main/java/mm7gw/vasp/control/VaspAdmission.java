package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.vasp.entity.AccessRefusal;
import mm7gw.vasp.entity.AuthMechanism;
import mm7gw.vasp.entity.Operation;
import mm7gw.vasp.entity.ServiceLevel;
import mm7gw.vasp.entity.Vasp;

/**
 * The gate every MM7 request passes in the EJB layer: identification and ownership ({@link VaspAuthorisation}),
 * then the service level's access terms (authentication mechanism, TLS, client network, allowed operation), then
 * the operation's own checks (given by the caller), then the rate limit. Every refusal is audited
 * ({@link AccessAudit}) and thrown as an {@link Mm7Rejection}, which rolls the request back.
 */
@ApplicationScoped
public class VaspAdmission {
    @Inject
    VaspAuthorisation authorisation;

    @Inject
    AccessAudit audit;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    RateWindows windows;

    /** One request as the gate sees it. */
    public record Access(String login, Operation operation, String vaspId, String vasId, String transactionId,
            RequestOrigin origin) {
        public Access {
            origin = origin == null ? RequestOrigin.UNKNOWN : origin;
        }
    }

    /** The operation's own checks against the governing service level; throw an Mm7Rejection to refuse. */
    @FunctionalInterface
    public interface OperationCheck {
        void check(Vasp vasp, ServiceLevel.Terms terms);
    }

    /** Admits a request that carries no further limits (e.g. cancel); see {@link #admit(Access, OperationCheck, int)}. */
    public Vasp admit(Access access) {
        return admit(access, (vasp, terms) -> { }, 0);
    }

    /**
     * @param recipients how many recipients the request addresses, counted against the recipients-per-second limit
     *                   (0 for operations that send nothing); the request itself counts as one submission when
     *                   recipients is positive
     * @return the VASP the request acts for
     */
    public Vasp admit(Access access, OperationCheck operationCheck, int recipients) {
        Vasp vasp = null;
        try {
            vasp = authorisation.authorise(access.login(), access.vaspId(), access.vasId());
            checkServiceNamed(vasp, access.vasId());
            ServiceLevel level = vasp.serviceLevelFor(access.vasId());
            ServiceLevel.Terms terms = level.terms();
            checkAccess(access, level, terms);
            operationCheck.check(vasp, terms);
            if (recipients > 0) {
                checkRate(vasp, terms, recipients);
            }
            return vasp;
        } catch (Mm7Rejection e) {
            RequestOrigin o = access.origin();
            audit.record(new AccessRefusal(access.login(), vasp != null ? vasp.vaspId().value() : access.vaspId(),
                    access.vasId(), access.operation(), access.transactionId(), o.clientAddress(), o.tls(),
                    o.authMechanism(), e.status().code(), e.details()));
            throw e;
        }
    }

    /**
     * A VASP with services names the one it acts for (4001 otherwise): without the VASID a request would escape the
     * service's own level, a deactivated service, and leave its charging events without a VAS ID. Its VASP-wide
     * level may allow requests without VASID ({@code vasIdOptional}); they then run under that level.
     */
    static void checkServiceNamed(Vasp vasp, String vasId) {
        if (vasId == null && vasp.hasServices() && !vasp.serviceLevel().terms().vasIdOptional()) {
            throw new Mm7Rejection(StatusCode.IMPROPER_IDENTIFICATION, "VASP " + vasp.vaspId()
                    + " has services: name one in VASID (the VASP's service level does not allow requests without it)");
        }
    }

    /** Whether the service level lets this VASP (service) use the operation; 2001 otherwise. */
    public static void checkOperation(ServiceLevel level, ServiceLevel.Terms terms, Operation operation) {
        if (!terms.allowedOperations().contains(operation)) {
            throw new Mm7Rejection(StatusCode.OPERATION_RESTRICTED, "the service level of " + level.scope()
                    + " does not allow " + operation + " (allowed: " + terms.allowedOperations() + ")");
        }
    }

    private static void checkAccess(Access access, ServiceLevel level, ServiceLevel.Terms terms) {
        RequestOrigin origin = access.origin();
        AuthMechanism mechanism = AuthMechanism.ofAuthType(origin.authMechanism()).orElse(null);
        if (mechanism == null || !terms.authMechanisms().contains(mechanism)) {
            throw new Mm7Rejection(StatusCode.SERVICE_DENIED, "the service level of " + level.scope()
                    + " does not allow authentication by " + (origin.authMechanism() == null ? "an unknown mechanism"
                            : origin.authMechanism()) + " (allowed: " + terms.authMechanisms() + ")");
        }
        if (terms.tlsRequired() && !origin.tls()) {
            throw new Mm7Rejection(StatusCode.SERVICE_DENIED, "the service level of " + level.scope()
                    + " requires TLS: send requests over HTTPS");
        }
        if (!level.allowsClient(origin.clientAddress())) {
            throw new Mm7Rejection(StatusCode.SERVICE_DENIED, "client address " + origin.clientAddress()
                    + " is outside the allowed client networks of " + level.scope());
        }
        checkOperation(level, terms, access.operation());
    }

    private void checkRate(Vasp vasp, ServiceLevel.Terms terms, int recipients) {
        if (terms.maxSubmissionsPerSecond() == null && terms.maxRecipientsPerSecond() == null) {
            return;
        }
        String exceeded;
        try {
            exceeded = rateLimiter.admit(vasp.vaspId(), recipients, terms.maxSubmissionsPerSecond(),
                    terms.maxRecipientsPerSecond());
        } catch (RateWindows.NoWindow first) {
            try {
                windows.open(vasp.vaspId());
            } catch (RuntimeException createdMeanwhile) {
                // another node opened the window at the same moment; the row exists now
            }
            exceeded = rateLimiter.admit(vasp.vaspId(), recipients, terms.maxSubmissionsPerSecond(),
                    terms.maxRecipientsPerSecond());
        }
        if (exceeded != null) {
            throw new Mm7Rejection(StatusCode.SERVICE_UNAVAILABLE, "VASP " + vasp.vaspId() + ": " + exceeded
                    + "; retry later");
        }
    }
}
