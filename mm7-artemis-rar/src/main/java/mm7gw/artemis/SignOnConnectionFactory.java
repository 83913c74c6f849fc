package mm7gw.artemis;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.ra.ActiveMQRAManagedConnectionFactory;

/**
 * Artemis's managed connection factory with the broker account as two properties of its own, {@code UserName} and
 * {@code Password}, the JMS pool's on Payara. Payara signs every connection of a pool on with the account it reads
 * from the managed connection factory's properties of these names (and only from them: also the transaction
 * service's recovery), and hands it over in the Subject; without them the Subject carries an empty account and the
 * broker refuses the gateway (AMQ229031), the resource adapter's own {@code UserName} notwithstanding. Payara also
 * sets every such property on the factory, and Artemis's factory has no setters for them (the container's account
 * only reaches it in the Subject): RAR8000 and RAR7097 at every start and whenever the pool was opened. Artemis's
 * factory is final, so this one holds it and passes everything on; the account stays here, unused by Artemis.
 * <p>
 * The connection factory Artemis makes asks Payara for connections naming Artemis's own factory, and Artemis
 * accepts only the Subject's credentials that name it: this factory is equal to the one it holds (Payara compares
 * the factory asked for with the pool's, and logged RAR7099 at every connection otherwise).
 */
public class SignOnConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {
    private static final long serialVersionUID = 1L;

    private final ActiveMQRAManagedConnectionFactory artemis = new ActiveMQRAManagedConnectionFactory();
    private String userName;
    private transient String password;

    /** @return the broker account Payara signs this pool's connections on with */
    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    /** @return the account's password (Payara resolves it from its password alias) */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** the properties ra.xml sets, Artemis's */
    public String getSessionDefaultType() {
        return artemis.getSessionDefaultType();
    }

    public void setSessionDefaultType(String type) {
        artemis.setSessionDefaultType(type);
    }

    public Integer getUseTryLock() {
        return artemis.getUseTryLock();
    }

    public void setUseTryLock(Integer useTryLock) {
        artemis.setUseTryLock(useTryLock);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        return artemis.createConnectionFactory(manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        return artemis.createConnectionFactory();
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo request)
            throws ResourceException {
        return artemis.createManagedConnection(subject, request);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo request)
            throws ResourceException {
        return artemis.matchManagedConnections(connections, subject, request);
    }

    @Override
    public void setLogWriter(PrintWriter out) throws ResourceException {
        artemis.setLogWriter(out);
    }

    @Override
    public PrintWriter getLogWriter() throws ResourceException {
        return artemis.getLogWriter();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return artemis.getResourceAdapter();
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        artemis.setResourceAdapter(adapter);
    }

    /** equal to another of these with an equal Artemis factory, and to the Artemis factory it holds */
    @Override
    public boolean equals(Object other) {
        return other == this || other == artemis
                || other instanceof SignOnConnectionFactory o && artemis.equals(o.artemis);
    }

    @Override
    public int hashCode() {
        return artemis.hashCode();
    }
}
