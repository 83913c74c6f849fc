package mm7gw.submission.boundary;

/** A message's stored MIME entity: the Content-Type header value it was submitted with and its body bytes. */
public record ContentView(String contentType, long size, String sha256, byte[] body) {
}
