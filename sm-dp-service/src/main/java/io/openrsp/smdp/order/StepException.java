package io.openrsp.smdp.order;

import io.openrsp.rsp.es.StatusCodeData;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one failure of an order step: the {@link FailureReason}, a message for the operator (never a secret, never a
 * stack trace) and the SM-SR's status code when an ES3 function answered {@code Failed} or {@code Expired}.
 */
final class StepException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final transient @Nullable StatusCodeData statusCodeData;

    StepException(FailureReason reason, String message, @Nullable StatusCodeData statusCodeData) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCodeData = statusCodeData;
    }

    StepException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    FailureReason reason() {
        return reason;
    }

    Optional<StatusCodeData> statusCodeData() {
        return Optional.ofNullable(statusCodeData);
    }
}
