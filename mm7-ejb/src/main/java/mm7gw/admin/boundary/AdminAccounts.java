package mm7gw.admin.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.regex.Pattern;
import mm7gw.admin.control.AdminAudit;
import mm7gw.admin.control.AdminCredentials;
import mm7gw.admin.control.AdminPasswordPolicy;
import mm7gw.admin.entity.AdminAccount;
import mm7gw.security.PasswordHashing;

/**
 * Administrator accounts (realm mm7-admin-accounts): an administrator adds another one and changes his own
 * password. Passwords follow {@link AdminPasswordPolicy} and are stored as bcrypt hashes only; a changed hash ends
 * every remembered verification of the old password at once (the realms compare the hash they remembered it for).
 */
@Stateless
@RolesAllowed("admin")
public class AdminAccounts {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    @Inject
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    AdminAudit audit;

    @Inject
    AdminCredentials credentials;

    /** Adds an administrator (enabled) with the given password. */
    public void create(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw RequestRefused.invalid("username: 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a"
                    + " letter or digit");
        }
        if (em.find(AdminAccount.class, username) != null) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "administrator " + username + " already exists");
        }
        em.persist(new AdminAccount(username, PasswordHashing.hash(acceptable(username, password))));
        audit.record("ADMIN_CREATED", username, null);
    }

    /**
     * The calling administrator's new password, given the current one (so a session left open, or a stolen cookie,
     * does not suffice to take the account over).
     */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String login = context.getCallerPrincipal().getName();
        AdminAccount account = em.find(AdminAccount.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw RequestRefused.notFound("administrator " + login);
        }
        if (currentPassword == null) {
            throw RequestRefused.invalid("currentPassword is missing");
        }
        if (!PasswordHashing.matches(currentPassword, account.passwordHash())) {
            throw new WrongCurrentPassword(login);
        }
        if (currentPassword.equals(newPassword)) {
            throw RequestRefused.invalid("newPassword is the current password");
        }
        account.changePasswordHash(PasswordHashing.hash(acceptable(login, newPassword)));
        credentials.changed();
        audit.record("ADMIN_PASSWORD_CHANGED", login, null);
    }

    /**
     * The current password given for a change is not the administrator's: the web layer counts it as a failed login
     * of the administrator (the login throttle), since it is as good a guess of the password as a login.
     */
    public static final class WrongCurrentPassword extends RequestRefused {
        private static final long serialVersionUID = 1L;

        WrongCurrentPassword(String login) {
            super(Reason.INVALID, "currentPassword is not the password of " + login);
        }
    }

    private static String acceptable(String login, String password) {
        try {
            AdminPasswordPolicy.check(login, password);
            return password;
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }
}
