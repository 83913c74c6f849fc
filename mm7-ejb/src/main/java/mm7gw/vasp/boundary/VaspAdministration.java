package mm7gw.vasp.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminAudit;
import mm7gw.security.PasswordHashing;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.Vasp;

/** Admin operations on VASPs: register, look up, suspend and resume, set credentials. */
@Stateless
@RolesAllowed("admin")
public class VaspAdministration {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");

    @Inject
    VaspRegistry registry;

    @Inject
    AdminAudit audit;

    public VaspView register(NewVasp request) {
        String vaspId = identifier("VASP ID", request.vaspId());
        String login = request.login() == null || request.login().isBlank() ? vaspId : identifier("login", request.login());
        if (registry.byVaspId(vaspId).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "VASP ID " + vaspId + " is already registered");
        }
        if (registry.byLogin(login).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "login " + login + " is already taken");
        }
        String name = request.name() == null || request.name().isBlank() ? vaspId : request.name().trim();
        Vasp vasp = new Vasp(vaspId, name, login);
        if (request.password() != null) {
            vasp.changePasswordHash(hash(request.password()));
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
        audit.record("VASP_REGISTERED", vaspId, "login " + login + ", services " + vasp.services().size()
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
        audit.record("VASP_SUSPENDED", vaspId, null);
        return VaspView.of(v);
    }

    public VaspView resume(String vaspId) {
        Vasp v = find(vaspId);
        v.resume();
        audit.record("VASP_RESUMED", vaspId, null);
        return VaspView.of(v);
    }

    public void changePassword(String vaspId, String password) {
        find(vaspId).changePasswordHash(hash(password));
        audit.record("VASP_PASSWORD_SET", vaspId, null);
    }

    /** Adds a service (VAS ID) to a VASP. */
    public VaspView addService(String vaspId, String vasId, String name) {
        Vasp v = find(vaspId);
        String id = identifier("VAS ID", vasId);
        if (v.service(id).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "VAS ID " + id + " already exists for " + vaspId);
        }
        v.addService(id, name == null || name.isBlank() ? id : name.trim());
        audit.record("VAS_ADDED", vaspId, id);
        return VaspView.of(v);
    }

    /** VASPs whose VASP ID, name or login contains the text (case-insensitive); all for a blank text. */
    public List<VaspView> search(String text) {
        if (text == null || text.isBlank()) {
            return list();
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return registry.all().stream()
                .filter(v -> v.vaspId().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || v.name().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || v.login().toLowerCase(java.util.Locale.ROOT).contains(t))
                .map(VaspView::of).toList();
    }

    private Vasp find(String vaspId) {
        return registry.byVaspId(vaspId).orElseThrow(() -> RequestRefused.notFound("VASP " + vaspId));
    }

    private static String hash(String password) {
        try {
            return PasswordHashing.hash(password);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    private static String identifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value.trim()).matches()) {
            throw RequestRefused.invalid(what + " must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value.trim();
    }
}
