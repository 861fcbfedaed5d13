package io.openrsp.euicc.management;

/** RFC 9457: a management request whose content breaks a rule (HTTP 400); the message is client-safe. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
