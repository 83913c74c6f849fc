package mm7gw.submission.entity;

public enum MessageClass {
    PERSONAL, INFORMATIONAL, ADVERTISEMENT, AUTO
}
