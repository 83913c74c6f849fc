package mm7gw.elytron;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.event.SecurityAuthenticationFailedEvent;
import org.wildfly.security.auth.server.event.SecurityAuthenticationSuccessfulEvent;
import org.wildfly.security.auth.server.event.SecurityEvent;

/**
 * Brute-force protection for VASP accounts (custom-security-event-listener of the security domain): every failed
 * login (BASIC, DIGEST) of an existing account counts against that login and the request's source address
 * ({@link LoginThrottle}; {@link VaspRealm} refuses a blocked pair); a successful login clears the pair. Logins
 * that name no account, and plain-HTTP requests of an account whose level requires TLS (refused by the realm without
 * checking the password), change nothing. Same configuration keys as the realm.
 */
public class FailedLoginListener implements Consumer<SecurityEvent> {
    private static final Logger LOG = Logger.getLogger("mm7gw.elytron");
    private VaspAccounts accounts = new VaspAccounts(Map.of());
    private LoginThrottle throttle = new LoginThrottle(Map.of());

    public void initialize(Map<String, String> configuration) {
        accounts = new VaspAccounts(configuration);
        throttle = new LoginThrottle(configuration);
    }

    @Override
    public void accept(SecurityEvent event) {
        try {
            if (event instanceof SecurityAuthenticationFailedEvent failed && failed.getPrincipal() != null) {
                String login = failed.getPrincipal().getName();
                // a request the realm refused unchecked for want of TLS proves nothing about the password
                if (accounts.byLogin(login).filter(a -> !a.tlsRequired() || CurrentRequest.secure()).isPresent()) {
                    throttle.failed(VaspRealm.KIND, login, CurrentRequest.sourceAddress(), System.currentTimeMillis());
                }
            } else if (event instanceof SecurityAuthenticationSuccessfulEvent ok
                    && ok.getSecurityIdentity() != null) {
                throttle.succeeded(VaspRealm.KIND, ok.getSecurityIdentity().getPrincipal().getName(),
                        CurrentRequest.sourceAddress());
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not record a login outcome for the VASP lock-out", e);
        }
    }
}
