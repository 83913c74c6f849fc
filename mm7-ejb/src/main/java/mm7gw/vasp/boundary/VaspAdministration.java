package mm7gw.vasp.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminAudit;
import mm7gw.kernel.VaspId;
import mm7gw.security.PasswordHashing;
import mm7gw.vasp.control.AccessAudit;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.control.VaspRemoval;
import mm7gw.vasp.entity.VasService;
import mm7gw.vasp.entity.Vasp;

/** Admin operations on VASPs: register, look up, suspend and resume, set credentials, services, delete. */
@Stateless
@RolesAllowed("admin")
public class VaspAdministration {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");

    @Inject
    VaspRegistry registry;

    @Inject
    AccessAudit audit;

    @Inject
    AdminAudit adminAudit;

    @Inject
    Event<VaspRemoval> removals;

    public VaspView register(NewVasp request) {
        VaspId vaspId = new VaspId(identifier("VASP ID", request.vaspId()));
        String login = request.login() == null || request.login().isBlank() ? vaspId.value() : identifier("login", request.login());
        if (registry.byVaspId(vaspId).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "VASP ID " + vaspId + " is already registered");
        }
        if (registry.byLogin(login).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "login " + login + " is already taken");
        }
        String name = request.name() == null || request.name().isBlank() ? vaspId.value() : request.name().trim();
        Vasp vasp = new Vasp(vaspId, name, login);
        if (request.password() != null) {
            setPassword(vasp, request.password());
        }
        if (request.vasIds() != null) {
            for (String vasId : request.vasIds()) {
                String id = identifier("VAS ID", vasId);
                if (vasp.service(id).isPresent()) {
                    throw RequestRefused.invalid("VAS ID " + id + " is listed twice");
                }
                vasp.addService(id, id);
            }
        }
        registry.add(vasp);
        adminAudit.record("VASP_REGISTERED", vaspId.value(), "login " + login + ", services " + vasp.services().size()
                + (request.password() == null ? ", no password" : ", password set"));
        return VaspView.of(vasp);
    }

    public List<VaspView> list() {
        return registry.all().stream().map(VaspView::of).toList();
    }

    public VaspView get(String vaspId) {
        return VaspView.of(find(vaspId));
    }

    public VaspView suspend(String vaspId) {
        Vasp v = find(vaspId);
        v.suspend();
        adminAudit.record("VASP_SUSPENDED", vaspId, null);
        return VaspView.of(v);
    }

    public VaspView resume(String vaspId) {
        Vasp v = find(vaspId);
        v.resume();
        adminAudit.record("VASP_RESUMED", vaspId, null);
        return VaspView.of(v);
    }

    /** Changes the VASP's display name (its VASP ID and login stay). */
    public VaspView rename(String vaspId, String name) {
        Vasp v = find(vaspId);
        if (name == null || name.isBlank()) {
            throw RequestRefused.invalid("the name must not be empty");
        }
        String trimmed = name.trim();
        if (trimmed.length() > 200) {
            throw RequestRefused.invalid("the name is at most 200 characters");
        }
        String old = v.name();
        v.rename(trimmed);
        adminAudit.record("VASP_RENAMED", vaspId, old + " -> " + trimmed);
        return VaspView.of(v);
    }

    public void changePassword(String vaspId, String password) {
        setPassword(find(vaspId), password);
        adminAudit.record("VASP_PASSWORD_SET", vaspId, null);
    }

    /** Adds a service (VAS ID) to a VASP. */
    public VaspView addService(String vaspId, String vasId, String name) {
        Vasp v = find(vaspId);
        String id = identifier("VAS ID", vasId);
        if (v.service(id).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "VAS ID " + id + " already exists for " + vaspId);
        }
        v.addService(id, name == null || name.isBlank() ? id : name.trim());
        adminAudit.record("VAS_ADDED", vaspId, id);
        return VaspView.of(v);
    }

    /** Deactivates a service: requests naming its VAS ID are refused with 4007 (Service denied) until reactivated. */
    public VaspView deactivateService(String vaspId, String vasId) {
        Vasp v = find(vaspId);
        service(v, vasId).deactivate();
        adminAudit.record("VAS_DEACTIVATED", vaspId + "/" + vasId, null);
        return VaspView.of(v);
    }

    public VaspView activateService(String vaspId, String vasId) {
        Vasp v = find(vaspId);
        service(v, vasId).activate();
        adminAudit.record("VAS_ACTIVATED", vaspId + "/" + vasId, null);
        return VaspView.of(v);
    }

    /**
     * Deletes a VASP that has no traffic: no message, charging event, MO message or outbound call refers to it
     * (each feature reports its own, see {@link VaspRemoval}). Its services, service levels, rate window and relay
     * endpoint go with it; its audit records stay. A VASP with traffic is refused (409): suspend it instead.
     */
    public void delete(String vaspId) {
        Vasp vasp = find(vaspId);
        registry.lock(vasp);
        VaspRemoval removal = new VaspRemoval(vasp);
        removals.fire(removal);
        if (removal.hasTraffic()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "VASP " + vaspId + " has traffic ("
                    + removal.describeTraffic() + ") and cannot be deleted; suspend it instead");
        }
        registry.remove(vasp);
        adminAudit.record("VASP_DELETED", vaspId, "login " + vasp.login() + ", services " + vasp.services().size());
    }

    /** VASPs whose VASP ID, name or login contains the text (case-insensitive); all for a blank text. */
    public List<VaspView> search(String text) {
        if (text == null || text.isBlank()) {
            return list();
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return registry.all().stream()
                .filter(v -> v.vaspId().value().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || v.name().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || v.login().toLowerCase(java.util.Locale.ROOT).contains(t))
                .map(VaspView::of).toList();
    }

    /** Registers the VASP's TLS client certificate (PEM); the certificate then authenticates it (CLIENT_CERT). */
    public VaspView registerClientCertificate(String vaspId, String pem) {
        Vasp vasp = find(vaspId);
        PemCertificate cert = PemCertificate.parse(pem);
        registry.byClientCertificate(cert.sha256()).filter(other -> other != vasp).ifPresent(other -> {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT,
                    "this certificate is already registered for VASP " + other.vaspId());
        });
        vasp.registerClientCertificate(cert.sha256(), cert.subject(), cert.notAfter());
        adminAudit.record("VASP_CERTIFICATE_SET", vaspId, cert.subject() + " sha256 " + cert.sha256());
        return VaspView.of(vasp);
    }

    public VaspView removeClientCertificate(String vaspId) {
        Vasp vasp = find(vaspId);
        vasp.removeClientCertificate();
        adminAudit.record("VASP_CERTIFICATE_REMOVED", vaspId, null);
        return VaspView.of(vasp);
    }

    /** Lifts a lock-out after repeated failed logins. */
    public VaspView unlock(String vaspId) {
        Vasp vasp = find(vaspId);
        vasp.unlock();
        registry.clearLoginFailures(vasp.login());
        adminAudit.record("VASP_UNLOCKED", vaspId, null);
        return VaspView.of(vasp);
    }

    private static void setPassword(Vasp vasp, String password) {
        try {
            PasswordHashing.VaspCredentials c = PasswordHashing.vaspCredentials(vasp.login(), password);
            // the DIGEST H(A1) values only where a level allows DIGEST (MD5 only where it also allows MD5)
            vasp.changeCredentials(c.bcrypt(), vasp.digestMd5Allowed() ? c.digestMd5() : null,
                    vasp.digestAllowed() ? c.digestSha256() : null);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    /** The VASP-wide service level. */
    public ServiceLevelView serviceLevel(String vaspId) {
        return ServiceLevelView.of(find(vaspId).serviceLevel());
    }

    public ServiceLevelView changeServiceLevel(String vaspId, ServiceLevelView level) {
        Vasp vasp = find(vaspId);
        var terms = required(level).toTerms();
        vasp.serviceLevel().apply(terms);
        vasp.dropDisallowedDigests();
        adminAudit.record("SERVICE_LEVEL_CHANGED", vaspId, terms.toString());
        return ServiceLevelView.of(vasp.serviceLevel());
    }

    /** The level that governs the service: its own, or the VASP-wide one (appliesTo says which). */
    public ServiceLevelView serviceLevelOfService(String vaspId, String vasId) {
        Vasp vasp = find(vaspId);
        service(vasp, vasId);
        return ServiceLevelView.of(vasp.serviceLevelFor(vasId));
    }

    /** Gives the service a level of its own, which replaces the VASP-wide level for its requests. */
    public ServiceLevelView changeServiceLevelOfService(String vaspId, String vasId, ServiceLevelView level) {
        Vasp vasp = find(vaspId);
        service(vasp, vasId);
        var terms = required(level).toTerms();
        var own = vasp.serviceLevelOfService(vasId);
        own.apply(terms);
        vasp.dropDisallowedDigests();
        adminAudit.record("SERVICE_LEVEL_CHANGED", vaspId + "/" + vasId, terms.toString());
        return ServiceLevelView.of(own);
    }

    /** The service goes back to the VASP-wide level. */
    public ServiceLevelView dropServiceLevelOfService(String vaspId, String vasId) {
        Vasp vasp = find(vaspId);
        service(vasp, vasId);
        if (!vasp.dropServiceLevel(vasId)) {
            throw RequestRefused.notFound("a service level of its own for VAS " + vasId);
        }
        vasp.dropDisallowedDigests();
        adminAudit.record("SERVICE_LEVEL_DROPPED", vaspId + "/" + vasId, null);
        return ServiceLevelView.of(vasp.serviceLevel());
    }

    /** The VASP's refused MM7 requests, newest first. */
    public List<AccessRefusalView> accessRefusals(String vaspId, int max) {
        Vasp vasp = find(vaspId);
        return audit.ofVasp(vasp.vaspId(), Math.max(1, Math.min(max, 1000))).stream().map(AccessRefusalView::of).toList();
    }

    private static ServiceLevelView required(ServiceLevelView level) {
        if (level == null) {
            throw RequestRefused.invalid("the request body must be a service level (JSON object)");
        }
        return level;
    }

    private static VasService service(Vasp vasp, String vasId) {
        return vasp.service(vasId).orElseThrow(() -> RequestRefused.notFound("VAS " + vasId + " of VASP "
                + vasp.vaspId()));
    }

    private Vasp find(String vaspId) {
        return VaspId.parse(vaspId).flatMap(registry::byVaspId).orElseThrow(() -> RequestRefused.notFound("VASP " + vaspId));
    }

    private static String identifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value.trim()).matches()) {
            throw RequestRefused.invalid(what + " must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value.trim();
    }
}
