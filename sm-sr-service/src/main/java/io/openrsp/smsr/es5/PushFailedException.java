package io.openrsp.smsr.es5;

import java.io.Serial;

/**
 * DESIGN.md §3.2: a push SMS was not accepted by the SMS-C (or could not be built); the message says why. A
 * {@linkplain #retryable() retryable} failure (no connection, time-out, 5xx) may have reached the card or may succeed
 * later, so the card's scripts stay queued until their deadline; any other failure (unknown device, unregistered
 * eUICC, exhausted counter) fails them at once.
 */
final class PushFailedException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private PushFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A failure that another push may overcome. */
    static PushFailedException retryable(String message, Throwable cause) {
        return new PushFailedException(message, true, cause);
    }

    /** A failure that no other push of the same SMS can overcome. */
    static PushFailedException permanent(String message, Throwable cause) {
        return new PushFailedException(message, false, cause);
    }

    boolean retryable() {
        return retryable;
    }
}
