package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** One submit to 10,000 recipients: accepted at once, fanned out in chunks through JMS. */
class MassDistributionIT {
    private static final int RECIPIENTS = 10_000;

    @Test
    void tenThousandRecipientsAreEachDeliveredOnceWithOneRecordAndOneChargingEvent() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        ServiceLevels.allowMassDistribution(vasp.vaspId(), RECIPIENTS);
        Gateway.serveRange("447711", true);
        StringBuilder to = new StringBuilder(RECIPIENTS * 28).append("<To>");
        for (int i = 0; i < RECIPIENTS; i++) {
            to.append("<Number>447711").append(String.format("%06d", i)).append("</Number>");
        }
        to.append("</To>");
        String tx = Gateway.unique("tx");
        String envelope = Envelopes.submit(tx, vasp, to.toString());

        long start = System.nanoTime();
        HttpResponse<String> r = Gateway.postSoap(vasp, envelope);
        long accepted = System.nanoTime();
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"), r.body());
        String messageId = mm7(d, "MessageID");

        JsonObject counts = Gateway.awaitCounts(messageId,
                c -> Gateway.inState(c, "DELIVERED") == RECIPIENTS && c.getString("state").equals("DISTRIBUTED"),
                Duration.ofMinutes(5));
        long distributed = System.nanoTime();
        System.out.printf("MM7 10,000 recipients: accepted in %d ms, fanned out and delivered %d ms later%n",
                (accepted - start) / 1_000_000, (distributed - accepted) / 1_000_000);

        assertEquals(RECIPIENTS, counts.getInt("accepted"));
        assertEquals(RECIPIENTS, counts.getJsonNumber("created").longValue(), "one record per recipient");
        assertEquals(RECIPIENTS, counts.getJsonObject("history").getJsonNumber("DELIVERED").longValue(),
                "one delivery entry per recipient");
        assertEquals(RECIPIENTS, counts.getJsonNumber("recipientsWithDeliveredEntry").longValue());
        assertEquals(RECIPIENTS, counts.getJsonObject("chargingEvents").getJsonNumber("RECIPIENT_DELIVERY").longValue());
        assertEquals(1, counts.getJsonObject("chargingEvents").getJsonNumber("MM7_SUBMIT").longValue());
    }
}
