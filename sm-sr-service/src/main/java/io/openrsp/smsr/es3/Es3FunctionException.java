package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4: an ES3 function ends other than with success, with the status the caller gets in-band.
 * Thrown by the function classes and {@link CardCommands}; {@link Es3Executor} is the one place that turns it into
 * the response. The message is client-safe: identifiers, element names and status words, never keys.
 */
public final class Es3FunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FunctionExecutionStatus status;

    private Es3FunctionException(FunctionExecutionStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** {@code Failed} with this status code. */
    public static Es3FunctionException failed(
            SubjectCode subject, ReasonCode reason, @Nullable String subjectIdentifier, String message) {
        return new Es3FunctionException(
                FunctionExecutionStatus.failed(new StatusCodeData(subject, reason, subjectIdentifier, message)),
                message);
    }

    /** {@code Expired}: the validity period ended before the card answered. */
    public static Es3FunctionException expired(String why) {
        return new Es3FunctionException(FunctionExecutionStatus.expired(), why);
    }

    /** The EID names no card registered here (8.1.1 EID / 3.9 Unknown). */
    public static Es3FunctionException unknownEid(Eid eid) {
        return failed(SubjectCode.EID, ReasonCode.UNKNOWN, eid.digits(), "the eUICC is not registered at this SM-SR");
    }

    /** An input element the function cannot accept (1.6 Function / 2.1 Invalid, the element named). */
    public static Es3FunctionException invalid(String element) {
        return failed(SubjectCode.FUNCTION, ReasonCode.INVALID, null, element);
    }

    public FunctionExecutionStatus status() {
        return status;
    }
}
