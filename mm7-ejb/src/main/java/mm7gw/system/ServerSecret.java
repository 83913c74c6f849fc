package mm7gw.system;

/**
 * A secret of the server's configuration: the environment variable first, then the system property. The environment
 * keeps it off the command line and out of WildFly's boot log, which lists the JVM's {@code -D} arguments
 * ({@code MM7_DB_PASSWORD} and {@code MM7_CLUSTER_PASSWORD} work the same way in the server's configuration).
 */
public final class ServerSecret {
    private ServerSecret() {
    }

    /** @return the variable's value unless it is unset or empty, else the property's (null when neither is set) */
    public static String read(String environmentVariable, String systemProperty) {
        String env = System.getenv(environmentVariable);
        return env != null && !env.isEmpty() ? env : System.getProperty(systemProperty);
    }
}
