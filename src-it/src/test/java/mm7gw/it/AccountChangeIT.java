package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The realm keeps the accounts it reads for a moment ({@code mm7.cache.millis}); a change an administrator makes on
 * this node applies to the VASP's very next request all the same: each test logs in first (so the account is kept),
 * changes what the realm reads, and sends the next request at once, without waiting (a removed client certificate:
 * SecureLoginIT; a block after failed logins: LoginThrottleIT).
 */
class AccountChangeIT {
    private static final String TO = "<To><Number>447700902001</Number></To>";

    private static HttpResponse<String> submit(Gateway.Vasp vasp) {
        return Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, TO));
    }

    private static void assertAccepted(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    @Test
    void aRotatedPasswordAppliesToTheNextRequest() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertAccepted(submit(vasp));
        Gateway.Vasp rotated = new Gateway.Vasp(vasp.vaspId(), vasp.vasId(), vasp.login(), "pw-" + UUID.randomUUID());
        assertEquals(204, Gateway.admin("PUT", "/api/vasps/" + vasp.vaspId() + "/password",
                "{\"password\":\"" + rotated.password() + "\"}").statusCode());
        assertEquals(401, submit(vasp).statusCode(), "the old password, right after the rotation");
        assertAccepted(submit(rotated));
    }

    @Test
    void allowedNetworksApplyToTheNextRequest() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertAccepted(submit(vasp));
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedClientNetworks", ServiceLevels.list("192.0.2.0/24")));
        assertEquals(401, submit(vasp).statusCode(), "from outside the networks just allowed");
        ServiceLevels.change(vasp.vaspId(), b -> b.add("allowedClientNetworks", ServiceLevels.list("127.0.0.0/8")));
        assertAccepted(submit(vasp));
    }

    @Test
    void requiringTlsAppliesToTheNextRequest() {
        Gateway.Vasp vasp = Gateway.newVasp();
        assertAccepted(submit(vasp));
        ServiceLevels.change(vasp.vaspId(), b -> b.add("tlsRequired", true));
        assertEquals(401, submit(vasp).statusCode(), "plain HTTP right after the level began to require TLS");
    }
}
