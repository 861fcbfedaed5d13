package io.openrsp.rsp.es;

/** GSMA SGP.02 v4.2 §5.1 (function response header): the header of every function response, carrying the execution status. */
public record ResponseHeader(FunctionExecutionStatus functionExecutionStatus) {

    public ResponseHeader {
        Elements.mandatory("functionExecutionStatus", functionExecutionStatus);
    }

    /** The header of a successful execution. */
    public static ResponseHeader success() {
        return new ResponseHeader(FunctionExecutionStatus.success());
    }

    /** The header of a failed execution. */
    public static ResponseHeader failed(StatusCodeData reason) {
        return new ResponseHeader(FunctionExecutionStatus.failed(reason));
    }
}
