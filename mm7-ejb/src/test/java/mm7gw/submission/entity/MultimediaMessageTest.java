package mm7gw.submission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import mm7gw.kernel.Address;
import mm7gw.kernel.RecipientKind;
import mm7gw.kernel.VaspId;
import mm7gw.vasp.entity.Vasp;
import org.junit.jupiter.api.Test;

class MultimediaMessageTest {
    private final MultimediaMessage message = new MultimediaMessage("m1", new Vasp(new VaspId("v"), "V", "v"), "s", "t1", null);

    @Test
    void theSameAddressIsARecipientOnceWhateverItsSpellingOrList() {
        RecipientList list = new RecipientList();
        assertTrue(list.add(Address.number("+447700900123"), RecipientKind.TO));
        assertFalse(list.add(Address.number("00447700900123"), RecipientKind.CC));
        assertTrue(list.add(Address.email("a@Example.NET"), RecipientKind.BCC));
        assertEquals(2, list.size());
    }

    @Test
    void theRecipientListIsReadBackChunkByChunk() {
        RecipientList list = new RecipientList();
        for (int i = 0; i < 7; i++) {
            list.add(Address.number("4477009001" + i + "0"), i % 2 == 0 ? RecipientKind.TO : RecipientKind.BCC);
        }
        list.add(Address.email("ann@example.net"), RecipientKind.CC);
        String encoded = list.encode();
        assertEquals(List.of(new RecipientList.Entry(Address.number("447700900120"), RecipientKind.TO),
                new RecipientList.Entry(Address.number("447700900130"), RecipientKind.BCC)),
                RecipientList.decode(encoded, 2, 4));
        assertEquals(List.of(new RecipientList.Entry(Address.email("ann@example.net"), RecipientKind.CC)),
                RecipientList.decode(encoded, 7, 10));
    }

    @Test
    void aMessageIsSplitIntoChunksAndDistributedWhenAllAreHandled() {
        message.distributeTo(1001, 500);
        assertEquals(3, message.chunks());
        message.updateState(1000);
        assertEquals(MessageState.ACCEPTED, message.state());
        message.updateState(1001);
        assertEquals(MessageState.DISTRIBUTED, message.state());
    }

    @Test
    void aRecipientCannotBeCancelledOnceRetrieved() {
        Recipient r = new Recipient(message, Address.number("447700900123"), RecipientKind.TO, 0);
        r.delivered(Instant.now());
        assertTrue(r.retrieved(7L, Instant.now()));
        assertFalse(r.retrieved(8L, Instant.now()), "a second retrieval changes nothing");
        assertEquals(7L, r.retrievedContentId());
        assertThrows(IllegalStateException.class, () -> r.cancelled(Instant.now()));
        r.read(Instant.now());
        assertEquals(RecipientState.READ, r.state());
    }
}
