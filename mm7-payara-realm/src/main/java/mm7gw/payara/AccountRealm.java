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
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
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

    private String dataSourceName;
    private int maxFailures;
    private long lockMillis;
    private volatile DataSource dataSource;

    @Override
    protected void init(Properties props) throws BadRealmException, NoSuchRealmException {
        super.init(props);
        String jaasContext = props.getProperty(JAAS_CONTEXT_PARAM);
        if (jaasContext == null) {
            throw new BadRealmException("the realm needs the property " + JAAS_CONTEXT_PARAM);
        }
        setProperty(JAAS_CONTEXT_PARAM, jaasContext);
        dataSourceName = props.getProperty("datasource-jndi", "jdbc/__default");
        maxFailures = Integer.parseInt(props.getProperty("max-failed-logins", "5"));
        lockMillis = Long.parseLong(props.getProperty("lock-seconds", "300")) * 1000L;
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
            long now = System.currentTimeMillis();
            try (Connection c = connection()) {
                String[] vasp = vasp(c, login, password, now);
                if (vasp != null) {
                    return vasp.length == 0 ? null : vasp;
                }
                return admin(c, login, password);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "account database not reachable", e);
            return null;
        }
    }

    /** null when there is no such VASP login, empty when the login fails, else the groups. */
    private String[] vasp(Connection c, String login, char[] password, long now) throws SQLException {
        String hash;
        long lockedUntil;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT password_hash, locked_until_ms FROM mm7_vasp WHERE login = ?")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                hash = r.getString(1);
                lockedUntil = r.getLong(2);
            }
        }
        if (lockedUntil > now || hash == null) {
            return new String[0];
        }
        if (!bcrypt(hash, password)) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE mm7_vasp SET failed_logins = failed_logins + 1, locked_until_ms = CASE WHEN failed_logins + 1 >= ?"
                            + " THEN ? ELSE locked_until_ms END WHERE login = ?")) {
                s.setInt(1, maxFailures);
                s.setLong(2, now + lockMillis);
                s.setString(3, login);
                s.executeUpdate();
            }
            return new String[0];
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE mm7_vasp SET failed_logins = 0, locked_until_ms = 0"
                + " WHERE login = ? AND (failed_logins <> 0 OR locked_until_ms <> 0)")) {
            s.setString(1, login);
            s.executeUpdate();
        }
        return new String[] {VASP_GROUP};
    }

    private String[] admin(Connection c, String login, char[] password) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
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

    private Connection connection() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(dataSourceName);
            } catch (NamingException e) {
                throw new SQLException("data source " + dataSourceName + " is not available", e);
            }
            dataSource = ds;
        }
        return ds.getConnection();
    }

    @Override
    public Enumeration<String> getGroupNames() {
        return Collections.enumeration(List.of(VASP_GROUP, ADMIN_GROUP));
    }
}
