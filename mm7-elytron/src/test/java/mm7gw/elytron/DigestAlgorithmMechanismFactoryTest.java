package mm7gw.elytron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestAlgorithmMechanismFactoryTest {
    @Test
    void readsTheAlgorithmOfADigestResponse() {
        assertEquals("SHA-256", DigestAlgorithmMechanismFactory.algorithmOf(
                "Digest username=\"v\", realm=\"MM7 Gateway\", algorithm=SHA-256, qop=auth, response=\"ab\""));
        assertEquals("SHA-256", DigestAlgorithmMechanismFactory.algorithmOf("Digest algorithm=\"sha-256\", username=\"v\""));
        assertEquals("MD5", DigestAlgorithmMechanismFactory.algorithmOf("Digest username=\"v\", algorithm=MD5"));
        assertEquals("MD5", DigestAlgorithmMechanismFactory.algorithmOf("Digest username=\"v\", response=\"ab\""),
                "RFC 7616: no algorithm means MD5");
        assertEquals("MD5", DigestAlgorithmMechanismFactory.algorithmOf("Digest username=\"myalgorithm=SHA-256\""),
                "a value that merely contains the word is not the directive");
    }
}
