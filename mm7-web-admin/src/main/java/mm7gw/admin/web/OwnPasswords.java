package mm7gw.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Map;
import mm7gw.admin.boundary.AdminAccounts;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.admin.control.AdminCredentials;
import mm7gw.elytron.LoginThrottle;

/**
 * An administrator's change of his own password (admin API and console), guarded like a login: the current password
 * it needs is checked only while the administrator's login is not blocked from the caller's address, and a wrong one
 * counts as a failed login of that administrator ({@link LoginThrottle}, account kind {@code admin}, the same table,
 * settings and back-off as the realms' - {@code mm7.login.<key>} overrides both). After the change, the account's
 * other console sessions are signed out: on this node at once, on the others at their next request
 * ({@link ConsoleSessions}); the caller's own stays.
 */
@ApplicationScoped
public class OwnPasswords {
    /** the realms' account kind of administrators (WildFly AdminRealm, Payara GatewayAuthModule) */
    static final String KIND = "admin";

    private final LoginThrottle throttle = new LoginThrottle(Map.of("data-source", "java:comp/DefaultDataSource"));

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminCredentials credentials;

    /** @return how many other console sessions of the administrator were signed out */
    public int change(HttpServletRequest request, String currentPassword, String newPassword) {
        String login = request.getUserPrincipal().getName();
        String source = request.getRemoteAddr();
        try {
            if (throttle.blocked(KIND, login, source, System.currentTimeMillis())) {
                throw RequestRefused.tooManyAttempts("too many wrong passwords for " + login + " from " + source
                        + " of late: the current password is not checked now, try again later");
            }
            try {
                accounts.changeOwnPassword(currentPassword, newPassword);
            } catch (AdminAccounts.WrongCurrentPassword wrong) {
                throttle.failed(KIND, login, source, System.currentTimeMillis());
                throw wrong;
            }
            throttle.succeeded(KIND, login, source);
        } catch (SQLException e) {
            throw new IllegalStateException("the login throttle could not be read or written", e);
        }
        // the caller's own session stays: it holds the new stamp before its next request compares it
        jakarta.servlet.http.HttpSession own = request.getSession(false);
        if (own != null) {
            own.setAttribute(ConsoleSessions.CREDENTIALS, credentials.current(login));
        }
        return ConsoleSessions.signOutOthers(login, own);
    }
}
