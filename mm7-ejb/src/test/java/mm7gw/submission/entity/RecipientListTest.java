package mm7gw.submission.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.RecipientKind;
import org.junit.jupiter.api.Test;

class RecipientListTest {

    @Test
    void theAddressAsWrittenSurvivesTheEncodingWhereItDiffers() {
        RecipientList list = new RecipientList();
        list.add(Address.parse(AddressType.NUMBER, "+447700900123"), RecipientKind.TO, "+447700900123");
        list.add(Address.parse(AddressType.NUMBER, "447700900124"), RecipientKind.CC, "447700900124");
        list.add(Address.parse(AddressType.NUMBER, "447700900125"), RecipientKind.BCC);
        List<RecipientList.Entry> decoded = RecipientList.decode(list.encode(), 0, 3);
        assertEquals(list.entries(), decoded);
        assertEquals("447700900123", decoded.get(0).address().value());
        assertEquals("+447700900123", decoded.get(0).writtenAs());
        assertNull(decoded.get(1).writtenAs(), "written as normalised: nothing to keep");
        assertNull(decoded.get(2).writtenAs());
    }

    @Test
    void aRemovedRecipientTakesItsWrittenFormAlong() {
        RecipientList list = new RecipientList();
        Address a = Address.parse(AddressType.NUMBER, "+447700900126");
        list.add(a, RecipientKind.TO, "+447700900126");
        list.remove(a);
        list.add(a, RecipientKind.TO);
        assertNull(list.entries().get(0).writtenAs());
    }
}
