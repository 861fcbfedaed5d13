package io.openrsp.smsr.es5;

import java.io.Serial;

/** DESIGN.md §3.2: a push SMS was not accepted by the SMS-C (or could not be built); the message says why. */
final class PushFailedException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    PushFailedException(String message) {
        super(message);
    }

    PushFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
