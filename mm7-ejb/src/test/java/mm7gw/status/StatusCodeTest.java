package mm7gw.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusCodeTest {

    @Test
    void unknownCodesAreReadAsTheirClass() {
        assertEquals(StatusCode.ADDRESS_ERROR, StatusCode.interpret(2002));
        assertEquals(StatusCode.CLIENT_ERROR, StatusCode.interpret(2571));
        assertEquals(StatusCode.GENERAL_SERVICE_ERROR, StatusCode.interpret(4600));
        assertEquals(StatusCode.SUCCESS, StatusCode.interpret(1999));
        assertEquals(StatusCode.SERVER_ERROR, StatusCode.interpret(3100));
        assertEquals(StatusCode.SERVER_ERROR, StatusCode.interpret(9000));
        assertEquals(StatusCode.SERVER_ERROR, StatusCode.interpret(42));
    }

    @Test
    void faultSides() {
        assertTrue(StatusCode.IMPROPER_IDENTIFICATION.isClientFault());
        assertTrue(StatusCode.VALIDATION_ERROR.isClientFault());
        assertFalse(StatusCode.SERVICE_UNAVAILABLE.isClientFault());
        assertFalse(StatusCode.SERVER_ERROR.isClientFault());
    }
}
