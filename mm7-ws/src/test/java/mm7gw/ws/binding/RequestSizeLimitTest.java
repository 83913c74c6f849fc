package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestSizeLimitTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void theDefaultLevelsMegabyteOfContentGivesTwoAndAHalfMegabytesOfBody() {
        RequestSizeLimit limit = RequestSizeLimit.forContent(MIB);
        assertEquals(MIB + MIB / 2 + MIB, limit.bytes());
        assertTrue(limit.rule().contains("at most " + limit.bytes() + " bytes"), limit.rule());
        assertTrue(limit.rule().contains("at most " + MIB + " bytes of content"), limit.rule());
    }

    @Test
    void aBase64EncodedMessageOfTheLargestSizeFits() {
        long content = 3 * MIB;
        long base64WithLineBreaks = (content + 2) / 3 * 4 / 76 * 78 + 78;
        assertTrue(RequestSizeLimit.forContent(content).bytes() > base64WithLineBreaks + 64 * 1024);
    }

    @Test
    void neverMoreThanTheServerWideLimit() {
        assertEquals(RequestSizeLimit.SERVER_WIDE, RequestSizeLimit.forContent(13 * MIB).bytes());
        assertEquals(RequestSizeLimit.SERVER_WIDE, RequestSizeLimit.forContent(Long.MAX_VALUE).bytes());
        assertTrue(RequestSizeLimit.serverWide().rule().contains("at most " + RequestSizeLimit.SERVER_WIDE + " bytes"));
    }
}
