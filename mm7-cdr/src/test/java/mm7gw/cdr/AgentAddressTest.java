package mm7gw.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgentAddressTest {

    @Test
    void anMsisdnIsOneToSixteenAsciiDigits() {
        for (String yes : new String[] {"0", "4", "447700900123", "1234567890123456"}) {
            assertEquals(true, AgentAddress.isMsisdn(yes), yes);
        }
        for (String no : new String[] {null, "", "12345678901234567", "+447700900123", "4477 00", "12a",
            "\u0661\u0662\u0663", "\uff11\uff12", "447700900123\n"}) {
            assertEquals(false, AgentAddress.isMsisdn(no), no);
        }
    }
}
