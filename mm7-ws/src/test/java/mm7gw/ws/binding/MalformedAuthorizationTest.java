package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MalformedAuthorizationTest {

    @Test
    void basicWithTextThatIsNotBase64IsMalformed() {
        assertTrue(MalformedAuthorization.malformedBasic("Basic !!!not-base64!!!"));
        assertTrue(MalformedAuthorization.malformedBasic("basic ===="));
    }

    @Test
    void everythingElseGoesOnToTheServersAuthentication() {
        assertFalse(MalformedAuthorization.malformedBasic(null));
        assertFalse(MalformedAuthorization.malformedBasic("Basic dXNlcjpwdw=="));
        assertFalse(MalformedAuthorization.malformedBasic("Basic"), "no credentials: the server challenges");
        assertFalse(MalformedAuthorization.malformedBasic("Digest username=\"u\", nonce=\"!!\""));
        assertFalse(MalformedAuthorization.malformedBasic("Basicx abc!"));
    }
}
