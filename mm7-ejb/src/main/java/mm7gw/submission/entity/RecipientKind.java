package mm7gw.submission.entity;

/** Which list of the request a recipient came from. */
public enum RecipientKind {
    TO, CC, BCC
}
