package io.openrsp.euicc.management;

/** RFC 9457: a management resource that does not exist, or is not offered (HTTP 404); the message is client-safe. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
