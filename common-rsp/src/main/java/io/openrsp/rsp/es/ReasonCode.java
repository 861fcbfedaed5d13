package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4 (function execution status, table "Reason Code"): why a function failed. The JSON
 * value is the code string, e.g. {@code "3.9"}.
 *
 * <p>Codes 1.1, 1.2, 2.1, 2.2, 2.3, 3.8, 4.2, 4.4, 5.3 and 5.4 were checked against a public copy of the SGP.02
 * status code table. 3.3, 3.9, 4.8 and 6.1 have these numbers in SGP.22 §5.2.6.2, which inherited the scheme
 * from SGP.02; they are not confirmed from a public SGP.02 text.
 *
 * <p>This platform answers a POL1/POL2 prohibition with {@link #REFUSED} (the rule refuses the operation) and
 * a caller without the right role or ownership with {@link #NOT_ALLOWED_AUTHORISATION}.
 */
public enum ReasonCode {
    /** 1.1: the caller or the object could not be identified or authenticated. */
    UNKNOWN_IDENTIFICATION_OR_AUTHENTICATION("1.1", "Unknown (Identification or Authentication)"),
    /** 1.2: the caller may not do this. */
    NOT_ALLOWED_AUTHORISATION("1.2", "Not Allowed (Authorisation)"),
    /** 2.1: an input element is malformed or has an unacceptable value (the message names it). */
    INVALID("2.1", "Invalid"),
    /** 2.2: a mandatory input element is missing (the message names it). */
    MANDATORY_ELEMENT_MISSING("2.2", "Mandatory Element Missing"),
    /** 2.3: a conditional input element is missing (the message names it). */
    CONDITIONAL_ELEMENT_MISSING("2.3", "Conditional Element Missing"),
    /** 3.3: the object exists already or is in use (e.g. an ICCID already on the eUICC). */
    ALREADY_IN_USE("3.3", "Already in Use"),
    /** 3.8: the function provider refuses (e.g. a policy rule or an unacceptable validity period). */
    REFUSED("3.8", "Refused"),
    /** 3.9: the object is unknown (e.g. an EID the SM-SR never registered). */
    UNKNOWN("3.9", "Unknown"),
    /** 4.2: internal processing error, when no more precise code applies. */
    EXECUTION_ERROR("4.2", "Execution Error"),
    /** 4.4: the function provider cannot process the function now. */
    BUSY("4.4", "Busy"),
    /** 4.8: not enough memory (e.g. on the eUICC for a new ISD-P). */
    INSUFFICIENT_MEMORY("4.8", "Insufficient Memory"),
    /** 5.3: the validity period ended before the function could be executed. */
    TIME_TO_LIVE_EXPIRED("5.3", "Time to Live Expired"),
    /** 5.4: the request reached the remote entity but no response came back. */
    DELIVERED_WITH_NO_RESPONSE("5.4", "Delivered With No Response"),
    /** 6.1: a signature or certificate did not verify. */
    VERIFICATION_FAILED("6.1", "Verification Failed");

    private final String code;
    private final String description;

    ReasonCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code as it appears on the wire, e.g. {@code "3.9"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The reason's name in the SGP.02 table. */
    public String description() {
        return description;
    }

    /** The reason with this code, if this platform knows it. */
    public static Optional<ReasonCode> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
