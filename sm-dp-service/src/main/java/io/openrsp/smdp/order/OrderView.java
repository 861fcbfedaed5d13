package io.openrsp.smdp.order;

import io.openrsp.rsp.es.StatusCodeData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One order as {@code GET /orders/{id}} shows it and {@link OrderEnded} carries it: identifiers, state, the ISD-P,
 * each step with its timings, and the failure. Never key material or package bytes.
 *
 * @param orderId the order's id (a UUID)
 * @param operator the operator that placed it (the CN of its client certificate)
 * @param eid the target eUICC
 * @param iccid the profile allocated to it
 * @param profileType the profile's type
 * @param enable whether the profile is enabled once installed
 * @param state the order's state
 * @param createdAt when the order was accepted
 * @param completedAt when it reached COMPLETED or FAILED, else null
 * @param isdpAid the ISD-P the SM-SR created for it (hex), once known
 * @param steps the five steps in execution order
 * @param failure why it failed, else null
 */
public record OrderView(
        String orderId,
        String operator,
        String eid,
        String iccid,
        String profileType,
        boolean enable,
        OrderState state,
        Instant createdAt,
        @Nullable Instant completedAt,
        @Nullable String isdpAid,
        List<Step> steps,
        @Nullable Failure failure) {

    public OrderView {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(profileType, "profileType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        steps = List.copyOf(steps);
    }

    /** The failure, if the order failed. */
    public Optional<Failure> failureIfAny() {
        return Optional.ofNullable(failure);
    }

    /** The step named {@code name}. */
    public Step step(StepName name) {
        return steps.stream().filter(s -> s.name() == name).findFirst().orElseThrow();
    }

    /**
     * One step and its timings; {@code durationMillis} is {@code endedAt - startedAt} (the service clock) once both are
     * known.
     */
    public record Step(
            StepName name,
            StepState state,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable Long durationMillis) {

        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }

        static Step of(StepName name, StepState state, @Nullable Instant startedAt, @Nullable Instant endedAt) {
            Long duration = startedAt != null && endedAt != null
                    ? Duration.between(startedAt, endedAt).toMillis()
                    : null;
            return new Step(name, state, startedAt, endedAt, duration);
        }
    }

    /**
     * Why the order failed.
     *
     * @param step the step that failed
     * @param reason the reason's name
     * @param message for the operator: what happened, and the outcome of the clean-up (ISD-P deletion, profile
     *     release); never a stack trace or a secret
     * @param statusCodeData the SM-SR's status code when an ES3 function answered {@code Failed} or {@code Expired}
     */
    public record Failure(
            StepName step,
            FailureReason reason,
            String message,
            @Nullable StatusCodeData statusCodeData) {

        public Failure {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
