package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Payara's {@code domain.xml} holds no secret in clear: {@code payara.sh} stores the database and broker passwords,
 * the TLS stores' password and the gateway's own secrets (first administrator, relay key, client key store password)
 * as password aliases and writes only {@code ${ALIAS=...}} into the domain's configuration - while the gateway works
 * with them (a submit stored and queued: database and broker; HTTPS: the key store; the first administrator's login).
 */
class PayaraSecretsIT {
    /** the secrets the test domain is configured with (src-it/pom.xml, payara.sh's defaults) */
    private static final List<String> SECRETS = List.of("mm7-gateway-secret", "mm7-gateway-tls",
            "it-relay-key-not-for-production", "it-relay-client-not-for-production", Gateway.ADMIN_PASSWORD);
    /** a property holding a secret: its name ends with one of these (not mm7.password.bcrypt-cost) */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(.*[._-])?(password|passwd|secret|secret-key)");

    @Test
    void domainXmlHoldsAliasesNotTheSecretsAndTheGatewayWorksWithThem() throws Exception {
        assumeFalse(Gateway.ON_WILDFLY, "Payara's domain.xml (WildFly: credential store, environment)");
        String xml = PayaraDomain.get().domainXml();
        for (String secret : SECRETS) {
            assertFalse(xml.contains(secret), "domain.xml holds the secret '" + secret + "' in clear");
        }
        // every property or attribute that holds a password is a reference to an alias (the database password of the
        // test domain is "postgres", which is also its user's name and part of the JDBC URL: checked here)
        List<String> clear = new ArrayList<>();
        List<String> aliased = new ArrayList<>();
        NodeList all = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getTagName().endsWith("property") && SECRET_NAME.matcher(e.getAttribute("name")).matches()
                    || e.getTagName().equals("system-property") && isGatewaySecret(e.getAttribute("name"))) {
                check(e.getTagName() + " " + e.getAttribute("name"), e.getAttribute("value"), clear, aliased);
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String name = attributes.item(a).getNodeName();
                if (name.toLowerCase(Locale.ROOT).contains("password") && !name.endsWith("-provider")) {
                    check(e.getTagName() + " @" + name, attributes.item(a).getNodeValue(), clear, aliased);
                }
            }
        }
        assertTrue(clear.isEmpty(), "secrets in clear in domain.xml: " + clear);
        for (String expected : new String[] {"mm7-db-password", "mm7-broker-password", "mm7-tls-store-password",
                "mm7-admin-initial-password", "mm7-relay-secret-key", "mm7-relay-client-keystore-password"}) {
            assertTrue(aliased.stream().anyMatch(a -> a.endsWith("${ALIAS=" + expected + "}")),
                    expected + " is referenced: " + aliased);
        }
        assertFalse(PayaraDomain.get().asadmin("list-password-aliases").isBlank());

        // ... and the gateway works with them: database and broker (a submit is stored and fanned out), the TLS key
        // store (HTTPS), the first administrator's password (the admin API); the relay key and the client key store
        // are used by RelayCredentialsIT and OutboundClientCertIT in the same run
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>+44 7700 900123</Number></To>"));
        assertEquals(200, r.statusCode(), r.body());
        String messageId = Gateway.accepted(r);
        Gateway.awaitMessage(messageId, m -> "DISTRIBUTED".equals(m.getString("state")),
                java.time.Duration.ofSeconds(60));
        assertEquals(200, Tls.client(false).send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Gateway.ADMIN_HTTPS_BASE + "/admin/api/system"))
                .header("Authorization", Gateway.basic(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private static boolean isGatewaySecret(String systemProperty) {
        return systemProperty.equals("mm7.admin.initial-password") || systemProperty.equals("mm7.relay.secret-key")
                || systemProperty.equals("mm7.relay.client-keystore-password");
    }

    private static void check(String what, String value, List<String> clear, List<String> aliased) {
        if (value == null || value.isEmpty() || value.equals("true") || value.equals("false")) {
            return; // none, or a switch (dynamic.username.password, use-password-credential)
        }
        if (value.startsWith("${ALIAS=") && value.endsWith("}")) {
            aliased.add(what + "=" + value);
        } else {
            clear.add(what);
        }
    }
}
