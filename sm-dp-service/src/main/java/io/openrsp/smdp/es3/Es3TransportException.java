package io.openrsp.smdp.es3;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §3.1: an ES3 call that produced no function response: the SM-SR was not reached, did not answer in
 * time, refused the call at the HTTP level (RFC 9457 problem), or answered something that is not the function's
 * response. The function's own outcome ({@code Failed}, {@code Expired}) is never this exception: it comes back in
 * the response header.
 *
 * <p>After {@link Reason#TIMEOUT} (and a {@link Reason#CONNECT} failure once the request was written) the outcome at
 * the SM-SR is unknown; repeating the call with the same {@code functionCallIdentifier} returns the first result
 * without executing the function twice. Messages name the function and the reason, never request or response
 * bodies.
 */
public final class Es3TransportException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int MAX_TITLE_LENGTH = 200;

    /** Why no function response came back. */
    public enum Reason {
        /** No connection, TLS handshake refused, or the connection broke before an answer. */
        CONNECT,
        /** No complete answer within the validity period plus the margin. */
        TIMEOUT,
        /** The SM-SR answered with a non-2xx HTTP status (see {@link #httpStatus()}, {@link #problemTitle()}). */
        HTTP_STATUS,
        /** A 2xx answer whose body is not the function's response. */
        MALFORMED_RESPONSE
    }

    private final String function;
    private final Reason reason;
    private final int httpStatus;
    private final @Nullable String problemTitle;

    private Es3TransportException(
            String function,
            Reason reason,
            int httpStatus,
            @Nullable String problemTitle,
            String detail,
            @Nullable Throwable cause) {
        super(function + ": " + detail, cause);
        this.function = Objects.requireNonNull(function, "function");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
        this.problemTitle = problemTitle;
    }

    static Es3TransportException connect(String function, Throwable cause) {
        return new Es3TransportException(
                function,
                Reason.CONNECT,
                0,
                null,
                "SM-SR not reachable (" + cause.getClass().getSimpleName() + ")",
                cause);
    }

    static Es3TransportException timeout(String function, Duration waited) {
        return new Es3TransportException(
                function, Reason.TIMEOUT, 0, null, "no answer from the SM-SR within " + waited, null);
    }

    static Es3TransportException httpStatus(String function, int status, @Nullable String problemTitle) {
        String title = sanitize(problemTitle);
        return new Es3TransportException(
                function,
                Reason.HTTP_STATUS,
                status,
                title,
                "the SM-SR answered HTTP " + status + (title == null ? "" : " (" + title + ")"),
                null);
    }

    static Es3TransportException malformedResponse(String function, String why) {
        return new Es3TransportException(
                function, Reason.MALFORMED_RESPONSE, 0, null, "unreadable response: " + why, null);
    }

    /** The ES3 function name, e.g. {@code CreateISDP}. */
    public String function() {
        return function;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for {@link Reason#HTTP_STATUS}, otherwise 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The RFC 9457 problem's title for {@link Reason#HTTP_STATUS}, when the SM-SR sent one. */
    public Optional<String> problemTitle() {
        return Optional.ofNullable(problemTitle);
    }

    /** The peer's title goes into messages and logs: printable characters only, bounded length. */
    private static @Nullable String sanitize(@Nullable String title) {
        if (title == null) {
            return null;
        }
        String printable = title.replaceAll("[^\\x20-\\x7E]", "?").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() > MAX_TITLE_LENGTH ? printable.substring(0, MAX_TITLE_LENGTH) : printable;
    }
}
