package mm7gw.admin.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.vasp.boundary.VaspAdministration;
import mm7gw.vasp.boundary.VaspView;

/** One VASP: its services, suspend/resume, password rotation (the new password is shown once). */
@Named
@ViewScoped
public class VaspDetailPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    VaspAdministration administration;

    private String vaspId;
    private VaspView vasp;
    private String newVasId;
    private String newVasName;
    private String issuedPassword;

    /** f:viewAction: loads the VASP named by the vaspId view parameter. */
    public void load() {
        if (vaspId == null || vaspId.isBlank()) {
            Messages.error("No VASP chosen", "open a VASP from the list");
            return;
        }
        try {
            vasp = administration.get(vaspId);
        } catch (RequestRefused e) {
            Messages.error("Unknown VASP", e.getMessage());
        }
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
