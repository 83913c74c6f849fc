package mm7gw.admin.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminPasswordPolicy;
import mm7gw.admin.web.OwnPasswords;

/**
 * The signed-in administrator's own account: changing the password (the current one required; throttled like a login
 * and signing out the account's other console sessions, {@link OwnPasswords}).
 */
@Named
@RequestScoped
public class AccountPage {
    @Inject
    OwnPasswords ownPassword;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeatedPassword)) {
            Messages.error("Password not changed", "the new password and its repetition differ");
            return;
        }
        try {
            int signedOut = ownPassword.change((HttpServletRequest) FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest(), currentPassword, newPassword);
            Messages.info("Password changed", "sign in with the new password from now on"
                    + (signedOut == 0 ? "" : "; your other console sessions (" + signedOut + ") were signed out"));
        } catch (RequestRefused e) {
            Messages.error("Password not changed", e.getMessage());
        }
    }

    public int getMinLength() {
        return AdminPasswordPolicy.MIN_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
