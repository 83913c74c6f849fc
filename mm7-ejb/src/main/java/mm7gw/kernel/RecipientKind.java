package mm7gw.kernel;

/** Which list of the request a recipient came from. */
public enum RecipientKind {
    TO, CC, BCC
}
