package mm7gw.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import mm7gw.admin.entity.AdminAccount;
import mm7gw.directory.entity.MailDomain;
import mm7gw.directory.entity.NumberRange;
import mm7gw.directory.entity.Subscriber;
import mm7gw.directory.entity.SubscriberState;
import mm7gw.kernel.Address;
import mm7gw.kernel.VaspId;
import mm7gw.relay.control.ClientKeyStore;
import mm7gw.relay.control.SecretBox;
import mm7gw.security.PasswordHashing;
import mm7gw.system.ServerSecret;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.ServiceLevel;
import mm7gw.vasp.entity.Vasp;

/**
 * First-start set-up, driven by system properties:
 * <ul>
 * <li>{@code mm7.admin.initial-password} (and optionally {@code mm7.admin.initial-user}, default "admin"):
 * creates that administrator if there is none yet;</li>
 * <li>{@code mm7.demo=true}: registers the demo VASP and a demo subscriber directory (run command only, never
 * in production) and logs where the gateway answers (not the administrator's password: the run commands show
 * it on their console, never in a log file).</li>
 * </ul>
 * Before anything else it looks for the secrets this project writes down ({@link DefaultSecrets}: the first
 * administrator's password, the relay key, the passwords of the TLS key store and of the relay's client key store,
 * and on WildFly the database password of MM7DS and the cluster password as the server resolved them
 * ({@link ServerConfiguration}) and the ApplicationRealm users' passwords, i.e. the remote broker accounts):
 * outside the run command ({@code mm7.demo}) the gateway refuses to start with any of them, unless
 * {@code mm7.secrets.known-defaults-allowed} is true (test servers), and then says so in a warning. Administrators
 * whose stored password is a known one are named in a warning (they change it in the console or the admin API).
 */
@Singleton
@Startup
@PermitAll
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    static final VaspId DEMO_VASP = new VaspId("demo-vasp");
    static final String DEMO_VAS = "demo-service";
    static final String DEMO_PASSWORD = "demo-secret";
    /** the gateway's data source on WildFly (datasource-*.cli) */
    static final String DATA_SOURCE = "MM7DS";

    @Inject
    EntityManager em;

    @Inject
    VaspRegistry vasps;

    @PostConstruct
    void start() {
        String adminPassword = initialAdminPassword();
        checkSecrets(adminPassword);
        if (adminPassword != null && !adminPassword.isBlank()) {
            createFirstAdmin(System.getProperty("mm7.admin.initial-user", "admin"), adminPassword);
        }
        if (Boolean.getBoolean("mm7.demo")) {
            seedDemoVasp();
            seedDemoDirectory();
            printBanner(adminPassword != null && !adminPassword.isBlank());
        }
    }

    /**
     * The first administrator's password: the environment variable {@code MM7_ADMIN_INITIAL_PASSWORD} (kept off the
     * command line and out of WildFly's boot log, which lists the JVM's arguments), else the system property
     * {@code mm7.admin.initial-password}.
     */
    static String initialAdminPassword() {
        return ServerSecret.read("MM7_ADMIN_INITIAL_PASSWORD", "mm7.admin.initial-password");
    }

    /** Refuses (or, allowed, warns about) known default secrets; warns about administrators with known passwords. */
    private void checkSecrets(String adminPassword) {
        boolean demo = Boolean.getBoolean("mm7.demo");
        String configDir = System.getProperty("jboss.server.config.dir");
        ServerConfiguration server = ServerConfiguration.ofThisServer();
        List<String> found = new ArrayList<>(DefaultSecrets.configured(adminPassword,
                ServerSecret.read(SecretBox.KEY_ENVIRONMENT, SecretBox.KEY_PROPERTY),
                ServerSecret.read(ClientKeyStore.PASSWORD_ENVIRONMENT, ClientKeyStore.PASSWORD), configDir));
        found.addAll(DefaultSecrets.database(DATA_SOURCE, server.dataSourcePassword(DATA_SOURCE)));
        found.addAll(DefaultSecrets.cluster(server.clusterPasswords()));
        found.addAll(DefaultSecrets.applicationUsers(
                configDir == null ? null : Path.of(configDir, DefaultSecrets.APPLICATION_USERS)));
        if (!found.isEmpty()) {
            String list = String.join(System.lineSeparator() + "  - ", found);
            if (demo) {
                LOG.info(() -> "run command (mm7.demo): known default secrets in use, as on every demo:"
                        + System.lineSeparator() + "  - " + list);
            } else if (Boolean.getBoolean(DefaultSecrets.ALLOWED)) {
                LOG.warning(() -> "KNOWN DEFAULT SECRETS IN USE (" + DefaultSecrets.ALLOWED + "=true; never in"
                        + " production):" + System.lineSeparator() + "  - " + list);
            } else {
                String refusal = "the MM7 gateway refuses to start with known default secrets (published with its"
                        + " source); replace them, or for a test server set " + DefaultSecrets.ALLOWED + "=true:"
                        + System.lineSeparator() + "  - " + list;
                LOG.severe(refusal);
                throw new IllegalStateException(refusal);
            }
        }
        if (demo) {
            return;
        }
        for (AdminAccount a : em.createQuery("select a from AdminAccount a", AdminAccount.class).setMaxResults(20)
                .getResultList()) {
            DefaultSecrets.ADMIN_PASSWORDS.stream().filter(p -> PasswordHashing.matches(p, a.passwordHash()))
                    .findFirst().ifPresent(published -> LOG.warning(() -> "KNOWN DEFAULT SECRET IN USE: administrator '"
                            + a.username() + "' has a password this project publishes: change it in the console"
                            + " (Your account) or with PUT /admin/api/administrators/self/password"));
        }
    }

    private void createFirstAdmin(String user, String password) {
        Long admins = em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult();
        if (admins == 0) {
            em.persist(new AdminAccount(user, PasswordHashing.hash(password)));
            LOG.info(() -> "created the first administrator account '" + user + "'");
        }
    }

    private void seedDemoVasp() {
        if (vasps.byVaspId(DEMO_VASP).isEmpty()) {
            Vasp demo = new Vasp(DEMO_VASP, "Demo VASP", DEMO_VASP.value());
            PasswordHashing.VaspCredentials c = PasswordHashing.vaspCredentials(DEMO_VASP.value(), DEMO_PASSWORD);
            demo.changeCredentials(c.bcrypt(), c.digestMd5(), c.digestSha256());
            demo.addService(DEMO_VAS, "Demo service");
            demo.serviceLevel().apply(ServiceLevel.Terms.UNRESTRICTED);
            vasps.add(demo);
            LOG.info("registered the demo VASP " + DEMO_VASP);
        }
    }

    /**
     * Demo directory: the closed range 447700900 with a few listed subscribers (one barred, one not
     * MMS-capable), the open range 447700901 (every number an active subscriber) and the open domain
     * example.net.
     */
    private void seedDemoDirectory() {
        if (!em.createNamedQuery(NumberRange.ALL, NumberRange.class).getResultList().isEmpty()) {
            return;
        }
        em.persist(new NumberRange("447700900", false));
        em.persist(new NumberRange("447700901", true));
        em.persist(new MailDomain("example.net", true));
        for (String n : List.of("447700900123", "447700900124", "447700900125")) {
            em.persist(new Subscriber(Address.number(n), SubscriberState.ACTIVE));
        }
        em.persist(new Subscriber(Address.number("447700900666"), SubscriberState.BARRED));
        em.persist(new Subscriber(Address.number("447700900777"), SubscriberState.NOT_MMS_CAPABLE));
        LOG.info("seeded the demo subscriber directory (ranges 447700900, 447700901; domain example.net)");
    }

    private static void printBanner(boolean adminPasswordSet) {
        String base = System.getProperty("mm7.public-url", "http://127.0.0.1:8080");
        String tls = System.getProperty("mm7.public-https-url", "https://127.0.0.1:8443");
        String admin = System.getProperty("mm7.public-admin-url", "http://127.0.0.1:9080");
        String adminTls = System.getProperty("mm7.public-admin-https-url", "https://127.0.0.1:9443");
        boolean plain = Boolean.getBoolean("mm7.http.plain-allowed");
        List<String> lines = List.of(
                "",
                "==================================================================",
                " MM7 gateway is up",
                "   MM7 endpoint (VASPs):  " + tls + "/mm7/vasp" + (plain ? "  and  " + base + "/mm7/vasp" : ""),
                "   WSDL:                  " + tls + "/mm7/vasp?wsdl",
                "   Admin console:         " + adminTls + "/admin/" + (plain ? "  and  " + admin + "/admin/" : "")
                        + "  (own listener, 127.0.0.1 only)",
                plain ? "   Plain HTTP:            ALLOWED (mm7.http.plain-allowed=true, demo on loopback only);"
                        + " without it, HTTPS only" : "   Plain HTTP:            refused (HTTPS only)",
                // the password never goes into a log: the run commands print it on their console themselves
                "   Admin login:           " + System.getProperty("mm7.admin.initial-user", "admin")
                        + (!adminPasswordSet ? " (no password set)"
                                : " / (its password is on the run command's console, never in a log)"),
                "   Demo VASP:             VASPID " + DEMO_VASP + ", VASID " + DEMO_VAS
                        + ", HTTP Basic " + DEMO_VASP + " / " + DEMO_PASSWORD,
                "==================================================================");
        LOG.info(String.join(System.lineSeparator(), lines));
    }
}
