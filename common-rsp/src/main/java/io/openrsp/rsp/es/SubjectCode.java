package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4 (function execution status, table "Subject Code"): what a failed function's status
 * code is about. The JSON value is the code string, e.g. {@code "8.1.1"}.
 *
 * <p>Codes 1.1, 1.2, 1.2.1, 1.6 and 8.1 were checked against a public copy of the SGP.02 status code table.
 * 8.1.1, 8.1.2, 8.1.3, 8.2, 8.2.1 and 8.2.5 have the same numbers in SGP.22 §5.2.6.1, which inherited the
 * scheme from SGP.02. {@link #ISD_P} ({@code 8.3}) is this platform's reading and not confirmed from a public
 * text; it is kept here, in one place, so that a correction changes one line.
 */
public enum SubjectCode {
    /** 1.1: the caller of the function. */
    FUNCTION_REQUESTER("1.1", "Function Requester"),
    /** 1.2: the entity that executes the function. */
    FUNCTION_PROVIDER("1.2", "Function Provider"),
    /** 1.2.1: the validity period the caller asked for. */
    VALIDITY_PERIOD("1.2.1", "Validity Period"),
    /** 1.6: the function call itself, e.g. one of its input elements (named in the message). */
    FUNCTION("1.6", "Function"),
    /** 8.1: the eUICC (e.g. its memory). */
    EUICC("8.1", "eUICC"),
    /** 8.1.1: the EID. */
    EID("8.1.1", "EID"),
    /** 8.1.2: the EUM certificate (SGP.22 numbering). */
    EUM_CERTIFICATE("8.1.2", "EUM Certificate"),
    /** 8.1.3: the eUICC certificate, here the ECASD certificate (SGP.22 numbering). */
    EUICC_CERTIFICATE("8.1.3", "eUICC Certificate"),
    /** 8.2: the profile. */
    PROFILE("8.2", "Profile"),
    /** 8.2.1: the profile's ICCID. */
    PROFILE_ICCID("8.2.1", "Profile ICCID"),
    /** 8.2.5: the profile type (SGP.22 numbering). */
    PROFILE_TYPE("8.2.5", "Profile Type"),
    /** 8.3: the ISD-P (this platform's reading, see the class comment). */
    ISD_P("8.3", "ISD-P");

    private final String code;
    private final String description;

    SubjectCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code as it appears on the wire, e.g. {@code "8.1.1"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The subject's name in the SGP.02 table. */
    public String description() {
        return description;
    }

    /** The subject with this code, if this platform knows it. */
    public static Optional<SubjectCode> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
