package mm7gw.vasp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthMechanismTest {
    @Test
    void servletAuthTypesMapToMechanisms() {
        assertEquals(Optional.of(AuthMechanism.BASIC), AuthMechanism.ofAuthType("BASIC"));
        assertEquals(Optional.of(AuthMechanism.CLIENT_CERT), AuthMechanism.ofAuthType("CLIENT_CERT"));
        assertEquals(Optional.of(AuthMechanism.CLIENT_CERT), AuthMechanism.ofAuthType("CLIENT-CERT"));
        assertEquals(Optional.of(AuthMechanism.DIGEST), AuthMechanism.ofAuthType("DIGEST"));
        assertEquals(Optional.of(AuthMechanism.DIGEST), AuthMechanism.ofAuthType("MM7-DIGEST-SHA-256"));
        assertEquals(Optional.of(AuthMechanism.DIGEST), AuthMechanism.ofAuthType("MM7-DIGEST-MD5"));
        assertEquals(Optional.empty(), AuthMechanism.ofAuthType("FORM"));
        assertEquals(Optional.empty(), AuthMechanism.ofAuthType(null));
    }
}
