package mm7gw.admin.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.Priority;
import mm7gw.relay.boundary.RelayAdministration;
import mm7gw.relay.control.ProbeResult;
import mm7gw.vasp.boundary.VaspAdministration;
import mm7gw.vasp.boundary.VaspView;
import mm7gw.vasp.entity.AuthMechanism;
import mm7gw.vasp.entity.Operation;

/**
 * One VASP: its name, its services (add, deactivate, reactivate), suspend/resume, password rotation (the new password is
 * shown once), the relay to it (callback endpoint, release, outbound credentials, short codes, trusted
 * certificates) with a connection test, the client certificate, the service level, and deletion while it has no
 * traffic.
 */
@Named
@ViewScoped
public class VaspDetailPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    VaspAdministration administration;

    @Inject
    RelayAdministration relayAdministration;

    private String vaspId;
    private VaspView vasp;
    private String newVasId;
    private String newVasName;
    private String issuedPassword;
    private ServiceLevelForm serviceLevel;
    private RelayForm relay;
    private ProbeResult probe;
    private String name;

    /** f:viewAction: loads the VASP named by the vaspId view parameter. */
    public void load() {
        if (vaspId == null || vaspId.isBlank()) {
            Messages.error("No VASP chosen", "open a VASP from the list");
            return;
        }
        try {
            vasp = administration.get(vaspId);
            name = vasp.name();
            serviceLevel = ServiceLevelForm.of(administration.serviceLevel(vaspId));
            loadRelay();
        } catch (RequestRefused e) {
            Messages.error("Unknown VASP", e.getMessage());
        }
    }

    private void loadRelay() {
        try {
            relay = RelayForm.of(relayAdministration.endpoint(vaspId));
        } catch (RequestRefused e) {
            relay = RelayForm.empty();
        }
    }

    public void saveRelay() {
        try {
            relay = RelayForm.of(relayAdministration.configure(vaspId, relay.toRequest()));
            probe = null;
            Messages.info("Relay settings saved", "reports and MO messages go to " + relay.getUrl());
        } catch (RequestRefused e) {
            relay.setPassword(null);
            Messages.error("Relay settings not saved", e.getMessage());
        }
    }

    /** Tests the saved relay endpoint; the result stays on the page. */
    public void testConnection() {
        try {
            probe = relayAdministration.probe(vaspId);
            if (probe.ok()) {
                Messages.info("Connection OK", probe.summary());
            } else {
                Messages.error("Connection failed", probe.summary());
            }
        } catch (RequestRefused e) {
            probe = null;
            Messages.error("Connection not tested", e.getMessage());
        }
    }

    public void deactivateService(String vasId) {
        try {
            vasp = administration.deactivateService(vaspId, vasId);
            Messages.info("Service deactivated", vasId + ": requests naming it are refused (MM7 status 4007)");
        } catch (RequestRefused e) {
            Messages.error("Service not deactivated", e.getMessage());
        }
    }

    public void activateService(String vasId) {
        try {
            vasp = administration.activateService(vaspId, vasId);
            Messages.info("Service reactivated", vasId + " may be used again");
        } catch (RequestRefused e) {
            Messages.error("Service not reactivated", e.getMessage());
        }
    }

    /** Deletes the VASP (only without traffic) and goes back to the list. */
    public String delete() {
        try {
            administration.delete(vaspId);
        } catch (RequestRefused e) {
            Messages.error("VASP not deleted", e.getMessage());
            return null;
        }
        Messages.info("VASP deleted", vaspId + " and its services, service levels and relay settings are gone");
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "vasps?faces-redirect=true";
    }

    public RelayForm getRelay() {
        return relay;
    }

    public ProbeResult getProbe() {
        return probe;
    }

    public void rename() {
        try {
            vasp = administration.rename(vaspId, name);
            name = vasp.name();
            Messages.info("Name changed", vaspId + " is now shown as " + name);
        } catch (RequestRefused e) {
            Messages.error("Name not changed", e.getMessage());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void suspend() {
        vasp = administration.suspend(vaspId);
        Messages.info("VASP suspended", vaspId + " is refused (MM7 status 4007) until resumed");
    }

    public void resume() {
        vasp = administration.resume(vaspId);
        Messages.info("VASP resumed", vaspId + " may submit again");
    }

    public void rotatePassword() {
        String password = Passwords.generate();
        administration.changePassword(vaspId, password);
        issuedPassword = password;
        vasp = administration.get(vaspId);
        Messages.info("Password changed", "the old password no longer works");
    }

    public void forgetPassword() {
        issuedPassword = null;
    }

    public void addService() {
        try {
            vasp = administration.addService(vaspId, newVasId, newVasName);
            Messages.info("Service added", newVasId);
            newVasId = newVasName = null;
        } catch (RequestRefused e) {
            Messages.error("Service not added", e.getMessage());
        }
    }

    private String certificatePem;

    public void registerCertificate() {
        try {
            vasp = administration.registerClientCertificate(vaspId, certificatePem);
            certificatePem = null;
            Messages.info("Client certificate registered", "the VASP can now log in with it over HTTPS");
        } catch (RequestRefused e) {
            Messages.error("Certificate not registered", e.getMessage());
        }
    }

    public void removeCertificate() {
        vasp = administration.removeClientCertificate(vaspId);
        Messages.info("Client certificate removed", "it no longer authenticates " + vaspId);
    }

    public String getCertificatePem() {
        return certificatePem;
    }

    public void setCertificatePem(String certificatePem) {
        this.certificatePem = certificatePem;
    }

    public void saveServiceLevel() {
        try {
            serviceLevel = ServiceLevelForm.of(administration.changeServiceLevel(vaspId, serviceLevel.toView()));
            Messages.info("Service level saved", "it applies to the next request of " + vaspId);
        } catch (RequestRefused e) {
            Messages.error("Service level not saved", e.getMessage());
        }
    }

    public ServiceLevelForm getServiceLevel() {
        return serviceLevel;
    }

    public List<String> getOperations() {
        return Arrays.stream(Operation.values()).map(Enum::name).toList();
    }

    public List<String> getMechanisms() {
        return Arrays.stream(AuthMechanism.values()).map(Enum::name).toList();
    }

    public List<String> getPriorities() {
        return Arrays.stream(Priority.values()).map(Enum::name).toList();
    }

    public List<String> getChargedParties() {
        return Arrays.stream(ChargedParty.values()).map(Enum::name).toList();
    }

    public String getVaspId() {
        return vaspId;
    }

    public void setVaspId(String vaspId) {
        this.vaspId = vaspId;
    }

    public VaspView getVasp() {
        return vasp;
    }

    public boolean isActive() {
        return vasp != null && vasp.status().equals("ACTIVE");
    }

    public String getNewVasId() {
        return newVasId;
    }

    public void setNewVasId(String newVasId) {
        this.newVasId = newVasId;
    }

    public String getNewVasName() {
        return newVasName;
    }

    public void setNewVasName(String newVasName) {
        this.newVasName = newVasName;
    }

    public String getIssuedPassword() {
        return issuedPassword;
    }
}
