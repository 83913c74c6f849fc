package mm7gw.payara;

import com.sun.enterprise.security.BaseRealm;
import com.sun.enterprise.security.auth.realm.BadRealmException;
import com.sun.enterprise.security.auth.realm.InvalidOperationException;
import com.sun.enterprise.security.auth.realm.NoSuchRealmException;
import com.sun.enterprise.security.auth.realm.NoSuchUserException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.elytron.LoginThrottle;
import mm7gw.elytron.VaspAccounts;
import mm7gw.elytron.VerifiedPasswords;

/**
 * The gateway's accounts as a Payara realm, the realm glassfish-application.xml names: a VASP login from mm7_vasp
 * gets the group "vasp", an administrator from mm7_admin_account the group "admin". The web modules do not log in
 * through it: their glassfish-web.xml names {@link GatewayAuthModule}, which sees the request (source address, TLS)
 * and offers Digest, client certificates and the console's form. A login through the realm itself (a programmatic
 * login) checks the bcrypt hash with the same throttle, under the source "unknown" since a realm does not see one.
 * <p>
 * Properties of the realm (asadmin create-auth-realm): jaas-context (the login.conf entry naming
 * {@link AccountLoginModule}), datasource-jndi (default jdbc/__default) and the {@link LoginThrottle} settings.
 */
public class AccountRealm extends BaseRealm {
    static final String VASP_GROUP = "vasp";
    static final String ADMIN_GROUP = "admin";
    private static final Logger LOG = Logger.getLogger(AccountRealm.class.getName());

    private VaspAccounts accounts;
    private LoginThrottle throttle;
    private final VerifiedPasswords verified = new VerifiedPasswords(300_000, 10_000);

    @Override
    protected void init(Properties props) throws BadRealmException, NoSuchRealmException {
        super.init(props);
        String jaasContext = props.getProperty(JAAS_CONTEXT_PARAM);
        if (jaasContext == null) {
            throw new BadRealmException("the realm needs the property " + JAAS_CONTEXT_PARAM);
        }
        setProperty(JAAS_CONTEXT_PARAM, jaasContext);
        Map<String, String> config = new java.util.HashMap<>();
        for (String key : props.stringPropertyNames()) {
            config.put(key, props.getProperty(key));
        }
        config.put("data-source", props.getProperty("datasource-jndi", "jdbc/__default"));
        accounts = new VaspAccounts(config);
        throttle = new LoginThrottle(config);
    }

    @Override
    public String getAuthType() {
        return "mm7-accounts";
    }

    @Override
    public Enumeration<String> getGroupNames(String user) throws InvalidOperationException, NoSuchUserException {
        throw new InvalidOperationException("groups are known only at login");
    }

    /** The groups of the account whose password this is, or null when the login fails. */
    String[] authenticate(String login, char[] password) {
        try {
            Optional<VaspAccounts.Account> vasp = accounts.byLogin(login);
            if (vasp.isPresent()) {
                return check(GatewayAuthModule.VASP, login, vasp.get().bcryptHash(), password) ? new String[] {VASP_GROUP} : null;
            }
            try (Connection c = accounts.connection(); PreparedStatement s = c.prepareStatement(
                    "SELECT password_hash FROM mm7_admin_account WHERE username = ? AND enabled = TRUE")) {
                s.setString(1, login);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && check(GatewayAuthModule.ADMIN, login, r.getString(1), password)
                            ? new String[] {ADMIN_GROUP} : null;
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "account database not reachable", e);
            return null;
        }
    }

    private boolean check(String kind, String login, String bcryptHash, char[] password) throws SQLException {
        long now = System.currentTimeMillis();
        if (bcryptHash == null || throttle.blocked(kind, login, LoginThrottle.UNKNOWN_SOURCE, now)) {
            return false;
        }
        boolean ok = verified.verify(login, bcryptHash, password, now);
        if (ok) {
            throttle.succeeded(kind, login, LoginThrottle.UNKNOWN_SOURCE);
        } else {
            throttle.failed(kind, login, LoginThrottle.UNKNOWN_SOURCE, now);
        }
        return ok;
    }

    @Override
    public Enumeration<String> getGroupNames() {
        return Collections.enumeration(List.of(VASP_GROUP, ADMIN_GROUP));
    }
}
