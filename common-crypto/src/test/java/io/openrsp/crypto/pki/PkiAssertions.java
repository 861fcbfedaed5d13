package io.openrsp.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the specific {@link PkiException.Reason} of a refusal. */
final class PkiAssertions {

    private PkiAssertions() {}

    static PkiException assertRefused(ThrowingCallable call, PkiException.Reason reason) {
        PkiException e = catchThrowableOfType(PkiException.class, call);
        assertThat(e).as("expected a PkiException with reason %s", reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isNotBlank();
        return e;
    }
}
