package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4: the outcome of a function. {@code statusCodeData} is mandatory when the status is
 * {@link ExecutionStatus#FAILED}, optional otherwise.
 */
public record FunctionExecutionStatus(ExecutionStatus status, StatusCodeData statusCodeData) {

    public FunctionExecutionStatus {
        Elements.mandatory("status", status);
        if (status == ExecutionStatus.FAILED && statusCodeData == null) {
            throw new EsFieldException("statusCodeData", EsMessageException.Reason.CONDITIONAL_ELEMENT_MISSING);
        }
    }

    /** {@code Executed-Success} without status code. */
    public static FunctionExecutionStatus success() {
        return new FunctionExecutionStatus(ExecutionStatus.EXECUTED_SUCCESS, null);
    }

    /** {@code Executed-WithWarning} with the warning's status code. */
    public static FunctionExecutionStatus withWarning(StatusCodeData warning) {
        return new FunctionExecutionStatus(
                ExecutionStatus.EXECUTED_WITH_WARNING, Elements.mandatory("statusCodeData", warning));
    }

    /** {@code Failed} with its status code. */
    public static FunctionExecutionStatus failed(StatusCodeData reason) {
        return new FunctionExecutionStatus(ExecutionStatus.FAILED, reason);
    }

    /** {@code Expired}: the validity period ended first. */
    public static FunctionExecutionStatus expired() {
        return new FunctionExecutionStatus(
                ExecutionStatus.EXPIRED, StatusCodeData.of(SubjectCode.FUNCTION, ReasonCode.TIME_TO_LIVE_EXPIRED));
    }
}
