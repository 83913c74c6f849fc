package mm7gw.status;

import java.util.Arrays;
import java.util.Optional;

/**
 * The MM7 request status codes (TS 23.140 §8.7) with the StatusText the spec gives each.
 * The first digit is the class: 1 success, 2 client error, 3 server error, 4 service error.
 */
public enum StatusCode {
    SUCCESS(1000, "Success"),
    PARTIAL_SUCCESS(1100, "Partial success"),
    CLIENT_ERROR(2000, "Client error"),
    OPERATION_RESTRICTED(2001, "Operation restricted"),
    ADDRESS_ERROR(2002, "Address Error"),
    ADDRESS_NOT_FOUND(2003, "Address Not Found"),
    CONTENT_REFUSED(2004, "Multimedia content refused"),
    MESSAGE_ID_NOT_FOUND(2005, "Message ID Not found"),
    LINKED_ID_NOT_FOUND(2006, "LinkedID not found"),
    MESSAGE_FORMAT_CORRUPT(2007, "Message format corrupt"),
    APPLICATION_ID_NOT_FOUND(2008, "Application ID not found"),
    REPLY_APPLICATION_ID_NOT_FOUND(2009, "Reply Application ID not found"),
    SERVER_ERROR(3000, "Server Error"),
    NOT_POSSIBLE(3001, "Not Possible"),
    MESSAGE_REJECTED(3002, "Message rejected"),
    MULTIPLE_ADDRESSES_NOT_SUPPORTED(3003, "Multiple addresses not supported"),
    APPLICATION_ADDRESSING_NOT_SUPPORTED(3004, "Application Addressing not supported"),
    GENERAL_SERVICE_ERROR(4000, "General service error"),
    IMPROPER_IDENTIFICATION(4001, "Improper identification"),
    UNSUPPORTED_VERSION(4002, "Unsupported version"),
    UNSUPPORTED_OPERATION(4003, "Unsupported operation"),
    VALIDATION_ERROR(4004, "Validation error"),
    SERVICE_ERROR(4005, "Service error"),
    SERVICE_UNAVAILABLE(4006, "Service unavailable"),
    SERVICE_DENIED(4007, "Service denied"),
    APPLICATION_DENIED(4008, "Application denied");

    private final int code;
    private final String text;

    StatusCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public boolean isSuccess() {
        return code < 2000;
    }

    /** A client-side fault (the request is wrong), as opposed to a server-side one. */
    public boolean isClientFault() {
        return (code >= 2000 && code < 3000) || code == 4001 || code == 4002 || code == 4003 || code == 4004
                || code == 4007 || code == 4008;
    }

    public static Optional<StatusCode> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /**
     * How a receiver reads a code it may not know: the code itself if known, else the x000 code of its
     * class, and anything outside the four classes as 3000 (TS 23.140 §8.7).
     */
    public static StatusCode interpret(int code) {
        return of(code).orElseGet(() -> switch (code / 1000) {
            case 1 -> SUCCESS;
            case 2 -> CLIENT_ERROR;
            case 4 -> GENERAL_SERVICE_ERROR;
            default -> SERVER_ERROR;
        });
    }
}
