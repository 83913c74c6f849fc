package mm7gw.kernel;

public enum MessageClass {
    PERSONAL, INFORMATIONAL, ADVERTISEMENT, AUTO
}
