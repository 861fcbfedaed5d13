package io.openrsp.smsr.es1;

import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §5.2.1: why RegisterEIS refuses an EIS, as the in-band status code the EUM receives. The message
 * names the element or check at fault, never a key or the rejected value's bytes.
 */
final class RegistrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StatusCodeData status;

    RegistrationRefusedException(
            SubjectCode subject, ReasonCode reason, @Nullable String subjectIdentifier, String message) {
        super(message);
        this.status = new StatusCodeData(subject, reason, subjectIdentifier, message);
    }

    StatusCodeData status() {
        return status;
    }
}
