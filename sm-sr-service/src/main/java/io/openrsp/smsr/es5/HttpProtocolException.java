package io.openrsp.smsr.es5;

import java.io.Serial;

/**
 * RFC 9112 / RFC 9110: a request on the admin connection that this server refuses, with the HTTP status it answers
 * before it closes the connection. The message is for the log; the card only sees the status line.
 */
final class HttpProtocolException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    static HttpProtocolException badRequest(String message) {
        return new HttpProtocolException(400, message);
    }

    int status() {
        return status;
    }
}
