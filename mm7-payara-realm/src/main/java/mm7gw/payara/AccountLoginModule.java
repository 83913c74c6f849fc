package mm7gw.payara;

import com.sun.enterprise.security.BasePasswordLoginModule;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/** The login module of {@link AccountRealm} (named in the domain's login.conf). */
public class AccountLoginModule extends BasePasswordLoginModule {
    @Override
    protected void authenticateUser() throws LoginException {
        AccountRealm realm = getRealm(AccountRealm.class, "the mm7 login module needs an AccountRealm");
        String[] groups = realm.authenticate(getUsername(), getPasswordChar());
        if (groups == null) {
            throw new FailedLoginException("login refused for " + getUsername());
        }
        commitUserAuthentication(groups);
    }
}
