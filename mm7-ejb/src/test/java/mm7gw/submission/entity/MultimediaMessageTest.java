package mm7gw.submission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import mm7gw.vasp.entity.Vasp;
import org.junit.jupiter.api.Test;

class MultimediaMessageTest {
    private final MultimediaMessage message = new MultimediaMessage("m1", new Vasp("v", "V", "v"), "s", "t1", null);

    @Test
    void theSameAddressIsARecipientOnceWhateverItsSpellingOrList() {
        assertTrue(message.addRecipient(Address.number("+447700900123"), RecipientKind.TO));
        assertFalse(message.addRecipient(Address.number("00447700900123"), RecipientKind.CC));
        assertTrue(message.addRecipient(Address.email("a@example.net"), RecipientKind.BCC));
        assertEquals(2, message.recipients().size());
    }

    @Test
    void distributedOnlyWhenNoRecipientIsPending() {
        message.addRecipient(Address.number("447700900001"), RecipientKind.TO);
        message.addRecipient(Address.number("447700900002"), RecipientKind.TO);
        message.recipients().get(0).delivered(Instant.now());
        message.updateState();
        assertEquals(MessageState.ACCEPTED, message.state());
        message.recipients().get(1).delivered(Instant.now());
        message.updateState();
        assertEquals(MessageState.DISTRIBUTED, message.state());
    }

    @Test
    void defaultsFollowTheSchema() {
        assertEquals(Priority.NORMAL, message.priority());
        assertEquals(MessageClass.INFORMATIONAL, message.messageClass());
        message.describe("hi", null, MessageClass.PERSONAL);
        assertEquals(Priority.NORMAL, message.priority());
        assertEquals(MessageClass.PERSONAL, message.messageClass());
    }
}
