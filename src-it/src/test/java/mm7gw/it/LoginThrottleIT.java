package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per login and source address (mm7-elytron's LoginThrottle; WildFly: the realms and the
 * failed-login listener, Payara: mm7-payara-realm's GatewayAuthModule): a stranger's
 * wrong passwords block only his own address, attempts while blocked do not count, a block ends on time and the
 * next one is longer. The test server shortens the blocks (mm7.login.lock-seconds=2, 5 failures free). A second
 * source address is 127.0.0.2 (the whole of 127.0.0.0/8 is loopback).
 */
class LoginThrottleIT {
    private static final String TO = "<To><Number>447700902101</Number></To>";
    private static final String STRANGER = "127.0.0.2";
    private static final String OWN = "127.0.0.1";
    private static final long FIRST_BLOCK_MILLIS = Long.getLong("mm7.login.lock-seconds", 2) * 1000L;

    /** One submit over a new connection from that local address; the HTTP status. */
    private static int submitFrom(String source, Gateway.Vasp vasp, String password) throws IOException {
        byte[] body = Envelopes.submit(Gateway.unique("tx"), vasp, TO).getBytes(StandardCharsets.UTF_8);
        return send(Gateway.MM7, source, "POST " + Gateway.MM7.getPath() + " HTTP/1.1\r\nHost: " + Gateway.MM7.getHost() + ":"
                + Gateway.MM7.getPort() + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"\"\r\n"
                + "Authorization: " + Gateway.basic(vasp.login(), password) + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n", body);
    }

    /** An admin API read over a new connection (to the admin listener) from that local address; the HTTP status. */
    private static int adminFrom(String source, String password) throws IOException {
        URI admin = URI.create(Gateway.ADMIN_BASE);
        return send(admin, source, "GET /admin/api/system HTTP/1.1\r\nHost: " + admin.getHost() + ":"
                + admin.getPort() + "\r\nAuthorization: " + Gateway.basic(Gateway.ADMIN_USER, password)
                + "\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    private static int send(URI server, String source, String head, byte[] body) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName(server.getHost()), server.getPort(),
                InetAddress.getByName(source), 0)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static void failFiveTimes(String source, Gateway.Vasp vasp) throws IOException {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, submitFrom(source, vasp, "wrong-" + i));
        }
    }

    @Test
    void aStrangersWrongPasswordsBlockOnlyHisOwnAddress() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        failFiveTimes(STRANGER, vasp);
        assertEquals(401, submitFrom(STRANGER, vasp, vasp.password()), "blocked from the stranger's address");
        assertEquals(200, submitFrom(OWN, vasp, vasp.password()), "the VASP's own address is not affected");
    }

    @Test
    void aBlockAppliesAtOnceAlthoughThePairHadNoFailureAMomentAgo() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        // the realm keeps "no failure from here" for a moment; a failure counted on this node forgets it
        assertEquals(200, submitFrom(STRANGER, vasp, vasp.password()));
        failFiveTimes(STRANGER, vasp);
        assertEquals(401, submitFrom(STRANGER, vasp, vasp.password()), "blocked from the fifth failure on");
    }

    @Test
    void attemptsWhileBlockedDoNotCountAndTheBlockEndsOnTimeThenGrows() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        failFiveTimes(OWN, vasp);
        long blockedAt = System.currentTimeMillis();
        // the VASP retries with its right password while blocked: refused, and not counted
        for (int i = 0; i < 4; i++) {
            assertEquals(401, submitFrom(OWN, vasp, vasp.password()), "refused while blocked");
            assertEquals(401, submitFrom(OWN, vasp, "wrong-while-blocked"));
        }
        Thread.sleep(Math.max(0, blockedAt + FIRST_BLOCK_MILLIS + 700 - System.currentTimeMillis()));
        assertEquals(200, submitFrom(OWN, vasp, vasp.password()),
                "the first block ends on time: the retries while blocked did not lengthen it");

        // the success cleared the count; five more failures block again for the first block time ...
        failFiveTimes(OWN, vasp);
        Thread.sleep(FIRST_BLOCK_MILLIS + 700);
        // ... and one more failure after that block blocks twice as long
        assertEquals(401, submitFrom(OWN, vasp, "wrong-again"));
        long secondBlock = System.currentTimeMillis();
        Thread.sleep(FIRST_BLOCK_MILLIS + 700);
        assertEquals(401, submitFrom(OWN, vasp, vasp.password()), "the sixth failure blocks for twice as long");
        Thread.sleep(Math.max(0, secondBlock + 2 * FIRST_BLOCK_MILLIS + 700 - System.currentTimeMillis()));
        assertEquals(200, submitFrom(OWN, vasp, vasp.password()), "and that block ends too");
    }

    @Test
    void administratorsAreThrottledPerSourceToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, adminFrom(STRANGER, "wrong-" + i));
        }
        assertEquals(401, adminFrom(STRANGER, Gateway.ADMIN_PASSWORD), "blocked from the stranger's address");
        assertEquals(200, adminFrom(OWN, Gateway.ADMIN_PASSWORD), "the administrator's own address is not affected");
        Thread.sleep(FIRST_BLOCK_MILLIS + 700);
        assertEquals(200, adminFrom(STRANGER, Gateway.ADMIN_PASSWORD), "and the block ends on time");
    }

    @Test
    void anAdministratorLiftsTheBlocksOfALogin() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        failFiveTimes(OWN, vasp);
        assertEquals(401, submitFrom(OWN, vasp, vasp.password()));
        assertEquals(200, Gateway.admin("POST", "/api/vasps/" + vasp.vaspId() + "/unlock", null).statusCode());
        assertEquals(200, submitFrom(OWN, vasp, vasp.password()));
    }
}
