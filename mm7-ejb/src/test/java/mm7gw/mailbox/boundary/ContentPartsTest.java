package mm7gw.mailbox.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import mm7gw.submission.entity.MessageContent;
import org.junit.jupiter.api.Test;

class ContentPartsTest {
    private static byte[] binary(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aMultipartWithTwoAttachmentsYieldsEachPartByteForByte() throws Exception {
        byte[] text = "Today's forecast: sunny\r\nTomorrow: rain".getBytes(StandardCharsets.UTF_8);
        byte[] image = binary(7000, 1);
        byte[] audio = binary(3001, 2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String crlf = "\r\n";
        body.write(("--b1" + crlf + "Content-Type: text/plain; charset=utf-8" + crlf + "Content-ID: <text>" + crlf
                + crlf).getBytes(StandardCharsets.US_ASCII));
        body.write(text);
        body.write((crlf + "--b1" + crlf + "Content-Type: image/jpeg" + crlf + "Content-ID: <img>" + crlf
                + "Content-Transfer-Encoding: base64" + crlf
                + "Content-Disposition: attachment; filename=\"sun.jpg\"" + crlf + crlf
                + Base64.getMimeEncoder().encodeToString(image) + crlf
                + "--b1" + crlf + "Content-Type: audio/amr" + crlf + "Content-Transfer-Encoding: binary" + crlf + crlf)
                .getBytes(StandardCharsets.US_ASCII));
        body.write(audio);
        body.write((crlf + "--b1--" + crlf).getBytes(StandardCharsets.US_ASCII));
        MessageContent content = new MessageContent("multipart/related; boundary=b1; type=\"text/plain\"",
                body.toByteArray());

        List<ContentParts.Parsed> parts = ContentParts.parse(content);

        assertEquals(3, parts.size());
        assertArrayEquals(text, parts.get(0).body());
        assertEquals("<text>", parts.get(0).view().contentId());
        assertArrayEquals(image, parts.get(1).body());
        assertEquals("sun.jpg", parts.get(1).view().fileName());
        assertEquals("image/jpeg", parts.get(1).contentType());
        assertEquals(ContentParts.sha256(image), parts.get(1).view().sha256());
        assertArrayEquals(audio, parts.get(2).body());
        assertEquals(3001, parts.get(2).view().size());
    }

    @Test
    void singlePartContentIsOnePart() {
        byte[] image = binary(500, 3);
        List<ContentParts.Parsed> parts = ContentParts.parse(new MessageContent("image/gif", image));
        assertEquals(1, parts.size());
        assertArrayEquals(image, parts.get(0).body());
    }
}
