package io.openrsp.euicc.es5;

import java.io.IOException;
import java.util.Objects;

/**
 * GlobalPlatform Amendment B §3.7 / DESIGN.md §3.2: the card ended an admin session because the server broke the
 * HTTP admin protocol, for {@link #reason()}. The message says what was wrong, never a key.
 */
public final class AdminSessionException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What the server did wrong. */
    public enum Reason {
        /** Not an HTTP/1.1 response: bad status line, header syntax, chunk framing. */
        MALFORMED_HTTP,
        /** A status line, header line, header count or body beyond the client's limits. */
        TOO_LARGE,
        /** The connection closed in the middle of a response. */
        CONNECTION_CLOSED,
        /** A status other than 200 (a script) or 204 (end of session). */
        UNEXPECTED_STATUS,
        /** A 200 without a required admin header, or with one whose value is wrong. */
        BAD_ADMIN_HEADER,
        /** The body of a 200 is not an expanded command script. */
        MALFORMED_SCRIPT,
        /** More scripts in one session than the client allows. */
        TOO_MANY_SCRIPTS,
        /** The session went on longer than the client allows. */
        SESSION_TIMEOUT
    }

    private final Reason reason;

    public AdminSessionException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public AdminSessionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
