package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VASP cannot write lines of its own into the server log: values it sends (here TransactionID and VASID with CR
 * and LF followed by what looks like a log entry) are logged with the line breaks escaped, on the refusal's own line.
 * Reads the test server's {@code server.log} (see {@link ServerLogIT}).
 */
class LogEscapingIT {

    @Test
    void crAndLfInATransactionIdAndVasIdDoNotStartALogLine() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        Gateway.Vasp vasp = Gateway.newVasp();
        Gateway.Vasp other = Gateway.newVasp();
        String tx = Gateway.unique("tx");
        String forgedTx = Gateway.unique("forged-tx");
        String forgedVasId = Gateway.unique("forged-vasid");
        String entry = "2026-12-04 10:00:00,000 ERROR [mm7gw.Forged] (default task-1) ";
        long before = Files.size(Path.of(file));
        // a VASP ID the account does not own: refused with 4001, and the refusal is logged with its values
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx + "&#13;&#10;" + entry + forgedTx,
                other.vaspId(), other.vasId() + "&#10;" + forgedVasId, "svc",
                "<To><Number>447700900305</Number></To>"));
        assertTrue(r.body().contains("4001"), r.body());

        String written = "";
        for (long deadline = System.nanoTime() + 15_000_000_000L;
                !(written.contains(forgedTx) && written.contains(forgedVasId)) && System.nanoTime() < deadline; ) {
            Thread.sleep(250);
            written = writtenSince(Path.of(file), before);
        }
        assertTrue(written.contains(forgedTx), "the refusal is in the log:\n" + written);
        List<String> lines = written.lines().toList();
        for (String marker : List.of(forgedTx, forgedVasId)) {
            for (String line : lines.stream().filter(l -> l.contains(marker)).toList()) {
                assertFalse(line.startsWith(entry) || line.startsWith(marker), "a forged log line: " + line);
                assertTrue(line.contains(tx + "\\r\\n" + entry + forgedTx) || line.contains("\\n" + forgedVasId),
                        "the value stays on the refusal's line, its line break escaped: " + line);
            }
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(entry)), "no line begins with the forged entry");
    }

    private static String writtenSince(Path file, long offset) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(Files.size(file) < offset ? 0 : offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
