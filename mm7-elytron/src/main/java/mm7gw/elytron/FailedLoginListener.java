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
 * that name no account change nothing. Same configuration keys as the realm.
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
                if (accounts.byLogin(login).isPresent()) {
                    throttle.failed(VaspRealm.KIND, login, SourceAddress.current(), System.currentTimeMillis());
                }
            } else if (event instanceof SecurityAuthenticationSuccessfulEvent ok
                    && ok.getSecurityIdentity() != null) {
                throttle.succeeded(VaspRealm.KIND, ok.getSecurityIdentity().getPrincipal().getName(),
                        SourceAddress.current());
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not record a login outcome for the VASP lock-out", e);
        }
    }
}
