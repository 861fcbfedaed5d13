package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2 §5.1.6.4: the status code of a function that failed or executed with a warning.
 *
 * @param subjectCode what the status is about (mandatory)
 * @param reasonCode why (mandatory)
 * @param subjectIdentifier the identifier of the subject, e.g. the EID or ICCID at fault (optional)
 * @param message a contextual message; for the 1.6 "Function" codes the name of the input element at fault
 *     (optional). Never a secret, never a stack trace.
 */
public record StatusCodeData(SubjectCode subjectCode, ReasonCode reasonCode, String subjectIdentifier, String message) {

    public StatusCodeData {
        Elements.mandatory("subjectCode", subjectCode);
        Elements.mandatory("reasonCode", reasonCode);
    }

    /** A status code with neither subject identifier nor message. */
    public static StatusCodeData of(SubjectCode subjectCode, ReasonCode reasonCode) {
        return new StatusCodeData(subjectCode, reasonCode, null, null);
    }
}
