package mm7gw.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ServerConfigurationTest {
    private static final String XML = """
            <server xmlns="urn:jboss:domain:21.0"><profile>
              <subsystem xmlns="urn:jboss:domain:datasources:7.2"><datasources>
                <datasource jndi-name="java:jboss/datasources/MM7DS" pool-name="MM7DS">
                  <security user-name="postgres" password="${env.MM7_DB_PASSWORD,mm7.db.password:postgres}"/>
                </datasource>
                <datasource jndi-name="java:jboss/datasources/Other" pool-name="Other">
                  <security user-name="x"><credential-reference store="s" alias="a"/></security>
                </datasource>
              </datasources></subsystem>
              <subsystem xmlns="urn:jboss:domain:messaging-activemq:17.0">
                <server name="default"><cluster password="${env.MM7_CLUSTER_PASSWORD,jboss.messaging.cluster.password:CHANGE ME!!}"/>
                  <cluster-connection name="my-cluster" address="jms" connector-name="c"/></server>
                <server name="backup"><cluster-connection name="my-cluster" address="jms" connector-name="c"/></server>
                <server name="standalone"><cluster password="whatever"/></server>
              </subsystem>
            </profile></server>""";

    private static ServerConfiguration of(Map<String, String> values) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
        return new ServerConfiguration(d, expression -> {
            String keys = expression.substring(0, expression.indexOf(':'));
            for (String k : keys.split(",")) {
                if (values.containsKey(k)) {
                    return values.get(k);
                }
            }
            return expression.substring(expression.indexOf(':') + 1);
        });
    }

    @Test
    void passwordsAsTheServerResolvesThem() throws Exception {
        ServerConfiguration defaults = of(Map.of());
        assertEquals("postgres", defaults.dataSourcePassword("MM7DS"));
        assertNull(defaults.dataSourcePassword("Other"), "a credential store is not read");
        assertNull(defaults.dataSourcePassword("Missing"));
        assertEquals(Map.of("default", "CHANGE ME!!", "backup", "CHANGE ME!!"), defaults.clusterPasswords(),
                "only servers with a cluster connection; WildFly's default where none is set");
        ServerConfiguration fromEnvironment = of(Map.of("env.MM7_DB_PASSWORD", "db-secret",
                "jboss.messaging.cluster.password", "cluster-secret"));
        assertEquals("db-secret", fromEnvironment.dataSourcePassword("MM7DS"));
        assertEquals("cluster-secret", fromEnvironment.clusterPasswords().get("default"));
    }

    @Test
    void theConfigurationFileOfWildFlysCommandLine() {
        assertEquals("standalone-full.xml", ServerConfiguration.configFileName("jboss-modules.jar -mp m org.jboss.as.standalone -c=standalone-full.xml"));
        assertEquals("standalone-full-ha.xml", ServerConfiguration.configFileName("org.jboss.as.standalone -c standalone-full-ha.xml -b 127.0.0.1"));
        assertEquals("a.xml", ServerConfiguration.configFileName("org.jboss.as.standalone --server-config=a.xml"));
        assertEquals("standalone.xml", ServerConfiguration.configFileName("org.jboss.as.standalone"));
    }

    @Test
    void expressions() {
        assertEquals("fallback", ServerConfiguration.resolve("mm7.no.such.property.anywhere:fallback"));
        assertEquals("", ServerConfiguration.resolve("mm7.no.such.property.anywhere"));
        assertEquals(System.getenv("PATH"), ServerConfiguration.resolve("env.PATH,x:y"));
    }
}
