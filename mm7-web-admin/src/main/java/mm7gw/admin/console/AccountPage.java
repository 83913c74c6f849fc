package mm7gw.admin.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import mm7gw.admin.boundary.AdminAccounts;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminPasswordPolicy;

/** The signed-in administrator's own account: changing the password (the current one required). */
@Named
@RequestScoped
public class AccountPage {
    @Inject
    AdminAccounts accounts;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeatedPassword)) {
            Messages.error("Password not changed", "the new password and its repetition differ");
            return;
        }
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            Messages.info("Password changed", "sign in with the new password from now on");
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
