package io.openrsp.euicc.factory;

import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §5.2.1: ES1 RegisterEIS produced no function response, for {@link #reason()}. An in-band
 * {@code Failed} is a response, not this exception.
 */
public final class Es1Exception extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why no response came back. */
    public enum Reason {
        /** The factory's own TLS client identity (EUM_CLIENT certificate and key) cannot be loaded. */
        CLIENT_IDENTITY,
        /** No TCP or TLS connection, or it broke. */
        TRANSPORT,
        /** The SM-SR did not answer in time. */
        TIMEOUT,
        /** An HTTP status other than 200 (e.g. a 403 problem for a wrong role). */
        HTTP_STATUS,
        /** A 200 whose body is not a RegisterEIS response. */
        MALFORMED_RESPONSE
    }

    private final Reason reason;

    public Es1Exception(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Es1Exception(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
