package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4: the outcome of a function execution, {@code status} in
 * {@code functionExecutionStatus}. The JSON values are the specification's strings.
 */
public enum ExecutionStatus {
    /** The function was executed as requested. */
    EXECUTED_SUCCESS("Executed-Success"),
    /** The function was executed, with a warning in {@code statusCodeData}. */
    EXECUTED_WITH_WARNING("Executed-WithWarning"),
    /** The function failed; {@code statusCodeData} says why. */
    FAILED("Failed"),
    /** The validity period ended before the function could be executed. */
    EXPIRED("Expired");

    private final String wireValue;

    ExecutionStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as it appears on the wire, e.g. {@code "Executed-Success"}. */
    @JsonValue
    public String wireValue() {
        return wireValue;
    }
}
