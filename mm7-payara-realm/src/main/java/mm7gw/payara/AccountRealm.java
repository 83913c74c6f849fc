package mm7gw.payara;

import com.sun.enterprise.security.BaseRealm;
import com.sun.enterprise.security.auth.realm.BadRealmException;
import com.sun.enterprise.security.auth.realm.InvalidOperationException;
import com.sun.enterprise.security.auth.realm.NoSuchRealmException;
import com.sun.enterprise.security.auth.realm.NoSuchUserException;
import java.security.GeneralSecurityException;
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
import mm7gw.elytron.VaspAccounts;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * The gateway's accounts as a Payara realm: a VASP login from mm7_vasp gets the group "vasp", an administrator
 * from mm7_admin_account the group "admin" (glassfish-application.xml maps each group to the role of the same
 * name). Passwords are checked against the bcrypt hashes the gateway stores; a VASP account is locked for
 * lock-seconds after max-failed-logins failures in a row, counted in the database like on WildFly.
 * <p>
 * Properties of the realm (asadmin create-auth-realm): jaas-context (the login.conf entry naming
 * {@link AccountLoginModule}), datasource-jndi (default jdbc/__default), max-failed-logins (5), lock-seconds (300).
 */
public class AccountRealm extends BaseRealm {
    static final String VASP_GROUP = "vasp";
    static final String ADMIN_GROUP = "admin";
    private static final Logger LOG = Logger.getLogger(AccountRealm.class.getName());
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private VaspAccounts accounts;

    @Override
    protected void init(Properties props) throws BadRealmException, NoSuchRealmException {
        super.init(props);
        String jaasContext = props.getProperty(JAAS_CONTEXT_PARAM);
        if (jaasContext == null) {
            throw new BadRealmException("the realm needs the property " + JAAS_CONTEXT_PARAM);
        }
        setProperty(JAAS_CONTEXT_PARAM, jaasContext);
        accounts = new VaspAccounts(Map.of("data-source", props.getProperty("datasource-jndi", "jdbc/__default"),
                "max-failed-logins", props.getProperty("max-failed-logins", "5"),
                "lock-seconds", props.getProperty("lock-seconds", "300")));
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
            String[] vasp = vasp(login, password, System.currentTimeMillis());
            if (vasp != null) {
                return vasp.length == 0 ? null : vasp;
            }
            return admin(login, password);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "account database not reachable", e);
            return null;
        }
    }

    /** null when there is no such VASP login, empty when the login fails, else the groups. */
    private String[] vasp(String login, char[] password, long now) throws SQLException {
        Optional<VaspAccounts.Account> account = accounts.byLogin(login);
        if (account.isEmpty()) {
            return null;
        }
        if (account.get().lockedAt(now) || account.get().bcryptHash() == null) {
            return new String[0];
        }
        if (!bcrypt(account.get().bcryptHash(), password)) {
            accounts.failed(login, now);
            return new String[0];
        }
        accounts.succeeded(login);
        return new String[] {VASP_GROUP};
    }

    private String[] admin(String login, char[] password) throws SQLException {
        try (Connection c = accounts.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT password_hash FROM mm7_admin_account WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && bcrypt(r.getString(1), password) ? new String[] {ADMIN_GROUP} : null;
            }
        }
    }

    private static boolean bcrypt(String modularCrypt, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(ModularCrypt.decode(modularCrypt)), password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Enumeration<String> getGroupNames() {
        return Collections.enumeration(List.of(VASP_GROUP, ADMIN_GROUP));
    }
}
