package mm7gw.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the start-up check of secrets reads from WildFly's configuration file (the one the server booted with, e.g.
 * {@code standalone-full.xml}): the password of a data source and the cluster password of each messaging server with a
 * cluster connection, their expressions resolved as the server resolves them ({@code ${env.NAME,property:default}}:
 * the first environment variable or system property set, else the default). The file, because the management model
 * cannot be read while the server boots (it is published when the boot, this deployment included, has ended).
 * Elsewhere (Payara) there is no such file and nothing is found: payara.sh checks the passwords it configures.
 */
final class ServerConfiguration {
    private static final Logger LOG = Logger.getLogger(ServerConfiguration.class.getName());
    /** WildFly's default cluster password, where the file sets none */
    static final String WILDFLY_CLUSTER_PASSWORD = "CHANGE ME!!";

    private final Document document;
    private final UnaryOperator<String> resolver;

    ServerConfiguration(Document document, UnaryOperator<String> resolver) {
        this.document = document;
        this.resolver = resolver;
    }

    /** The configuration the running WildFly booted with, or an empty one. */
    static ServerConfiguration ofThisServer() {
        String dir = System.getProperty("jboss.server.config.dir");
        String command = System.getProperty("sun.java.command", "");
        Document document = null;
        if (dir != null && command.contains("org.jboss.as.standalone")) {
            Path file = Path.of(dir, configFileName(command));
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                document = Files.isReadable(file) ? f.newDocumentBuilder().parse(file.toFile()) : null;
            } catch (Exception e) {
                LOG.log(Level.WARNING, e, () -> "cannot read " + file + " for the check of published secrets");
            }
        }
        return new ServerConfiguration(document, ServerConfiguration::resolve);
    }

    /** The file named by -c / --server-config of WildFly's command line (standalone.xml without one). */
    static String configFileName(String command) {
        List<String> args = List.of(command.split("\\s+"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            for (String option : List.of("-c", "--server-config")) {
                if (a.startsWith(option + "=")) {
                    return a.substring(option.length() + 1);
                }
                if (a.equals(option) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
            }
        }
        return "standalone.xml";
    }

    /**
     * The password of the data source with this pool name: "" when it has none, null when there is no such data
     * source or its password comes from a credential store (which the check cannot read).
     */
    String dataSourcePassword(String poolName) {
        for (Element ds : elements(document == null ? null : document.getDocumentElement(), "datasource")) {
            if (!poolName.equals(ds.getAttribute("pool-name"))) {
                continue;
            }
            for (Element security : elements(ds, "security")) {
                if (!elements(security, "credential-reference").isEmpty()) {
                    return null;
                }
                String password = security.hasAttribute("password") ? security.getAttribute("password")
                        : elements(security, "password").stream().map(Node::getTextContent).findFirst().orElse("");
                return valueOf(password);
            }
            return "";
        }
        return null;
    }

    /** The cluster password of each messaging server that has a cluster connection (a cluster node's). */
    Map<String, String> clusterPasswords() {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element server : elements(document == null ? null : document.getDocumentElement(), "server")) {
            if (elements(server, "cluster-connection").isEmpty()) {
                continue;
            }
            String password = WILDFLY_CLUSTER_PASSWORD;
            for (Element cluster : elements(server, "cluster")) {
                if (!elements(cluster, "credential-reference").isEmpty()) {
                    password = null;
                } else if (cluster.hasAttribute("password")) {
                    password = valueOf(cluster.getAttribute("password"));
                }
            }
            if (password != null) {
                found.put(server.getAttribute("name"), password);
            }
        }
        return found;
    }

    private String valueOf(String configured) {
        String v = configured.trim();
        return v.startsWith("${") && v.endsWith("}") ? resolver.apply(v.substring(2, v.length() - 1)) : v;
    }

    /** {@code env.NAME,other.property:default} as WildFly resolves it; "" where nothing is set and no default. */
    static String resolve(String expression) {
        int colon = expression.indexOf(':');
        String keys = colon < 0 ? expression : expression.substring(0, colon);
        for (String key : keys.split(",")) {
            String k = key.trim();
            String value = k.startsWith("env.") ? System.getenv(k.substring(4)) : System.getProperty(k);
            if (value != null) {
                return value;
            }
        }
        return colon < 0 ? "" : expression.substring(colon + 1);
    }

    private static List<Element> elements(Element parent, String localName) {
        if (parent == null) {
            return List.of();
        }
        NodeList all = parent.getElementsByTagNameNS("*", localName);
        java.util.ArrayList<Element> list = new java.util.ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            list.add((Element) all.item(i));
        }
        return list;
    }
}
