package io.openrsp.cli.client;

import java.util.Objects;

/**
 * A call from the command line to a platform service that did not give a usable answer. The message is for the user
 * (what was called, what came back); {@link #service()} names the service, so a diagnosis can show its log.
 */
public final class ClientException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** A PEM file of the client identity or the trust bundle is missing or unreadable. */
        CREDENTIALS,
        /** No connection, a TLS failure, or the connection broke. */
        TRANSPORT,
        /** The service answered with an HTTP status the call does not expect (the problem detail is in the message). */
        HTTP_STATUS,
        /** The answer is not the JSON the call expects. */
        MALFORMED_RESPONSE,
        /** The service refused in-band (an ES function answered {@code Failed}). */
        REFUSED,
        /** The answer did not come, or the order did not end, within the time allowed. */
        TIMEOUT
    }

    private final Reason reason;
    private final String service;

    public ClientException(Reason reason, String service, String message) {
        this(reason, service, message, null);
    }

    public ClientException(Reason reason, String service, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.service = Objects.requireNonNull(service, "service");
    }

    public Reason reason() {
        return reason;
    }

    /** The service called (its module name, e.g. {@code sm-dp-service}). */
    public String service() {
        return service;
    }
}
