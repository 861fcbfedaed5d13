package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Eid;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * GlobalPlatform Amendment B §3.7 (as DESIGN.md §3.2 uses it): the card was reached but the admin protocol exchange
 * of a script did not yield a response script: the card reported an {@code X-Admin-Script-Status} other than
 * {@code ok}, answered with a malformed script, or the session broke while the card held the script.
 */
public final class AdminSessionException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The card answered {@code X-Admin-Script-Status} other than {@code ok}; see {@link #scriptStatus()}. */
        SCRIPT_STATUS,
        /** The card's response body is not a well-formed response script, or its request broke the protocol. */
        MALFORMED_RESPONSE,
        /** The session ended after the script was sent and before the card answered: the outcome is unknown. */
        SESSION_LOST
    }

    private final transient Eid eid;
    private final Reason reason;
    private final String scriptStatus;

    private AdminSessionException(Eid eid, Reason reason, String scriptStatus, String message, Throwable cause) {
        super("eUICC " + eid + ": " + message, cause);
        this.eid = Objects.requireNonNull(eid, "eid");
        this.reason = reason;
        this.scriptStatus = scriptStatus;
    }

    /** The card answered {@code X-Admin-Script-Status: <status>} (e.g. {@code unknown-application}). */
    public static AdminSessionException scriptStatus(Eid eid, String status) {
        return new AdminSessionException(eid, Reason.SCRIPT_STATUS, status, "script status " + status, null);
    }

    static AdminSessionException malformedResponse(Eid eid, String detail, Throwable cause) {
        return new AdminSessionException(eid, Reason.MALFORMED_RESPONSE, null, "malformed response: " + detail, cause);
    }

    static AdminSessionException sessionLost(Eid eid) {
        return new AdminSessionException(
                eid, Reason.SESSION_LOST, null, "the admin session ended before the card answered", null);
    }

    public Eid eid() {
        return eid;
    }

    public Reason reason() {
        return reason;
    }

    /** The {@code X-Admin-Script-Status} the card reported, for {@link Reason#SCRIPT_STATUS}. */
    public Optional<String> scriptStatus() {
        return Optional.ofNullable(scriptStatus);
    }
}
