package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Payara's own administrator (asadmin, the REST management API and the admin console on the DAS port) has a password
 * ({@code payara.sh} generates one when it creates the domain, or takes {@code MM7_ASADMIN_PASSWORD}) and keeps it in
 * the domain in a file only its owner can read: an anonymous management call is refused, one with the password
 * succeeds, and the DAS port listens on 127.0.0.1 only.
 */
class PayaraAdminIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static int adminPort() {
        return Integer.parseInt(System.getProperty("mm7.payara.admin-port", "5048"));
    }

    private static HttpResponse<String> management(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort()
                + "/management/domain")).header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theManagementApiRefusesAnAnonymousAdministratorAndAcceptsThePassword() throws Exception {
        assumeFalse(Gateway.ON_WILDFLY, "Payara's administrator (WildFly's management users: add-user.sh)");
        PayaraDomain domain = PayaraDomain.get();
        String password = domain.adminPassword();
        assertTrue(password.length() >= 12, "a password of some length");

        assertEquals(401, management(null).statusCode(), "no credentials: refused");
        assertEquals(401, management(basic("admin", "")).statusCode(), "the empty password: refused");
        assertEquals(401, management(basic("admin", "admin")).statusCode(), "a guess: refused");
        HttpResponse<String> ok = management(basic("admin", password));
        assertEquals(200, ok.statusCode(), ok.body());

        // asadmin, the scripts' way: with the domain's password file it works (TestServer uses it for every setting)
        assertTrue(domain.asadmin("list-applications").contains("mm7-gateway"));

        // the file with the password: its owner's only
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                domain.passwordFile().toPath())), domain.passwordFile() + " is readable by its owner only");
    }

    @Test
    void theAdminPortListensOnLoopbackOnly() throws Exception {
        assumeFalse(Gateway.ON_WILDFLY, "Payara's DAS port");
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a.isLoopbackAddress()) {
                    continue;
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, adminPort()), 2000);
                    throw new AssertionError("the DAS port answers on " + a);
                } catch (java.io.IOException refused) {
                    // as it should
                }
            }
        }
    }
}
