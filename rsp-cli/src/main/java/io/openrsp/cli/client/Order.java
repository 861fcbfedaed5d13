package io.openrsp.cli.client;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * DESIGN.md §4: a provisioning order as the SM-DP's {@code GET /orders/{id}} shows it (the SM-DP's {@code OrderView}),
 * read tolerantly: states and names are kept as text, so a newer SM-DP's values are shown rather than refused.
 *
 * @param orderId the order's id
 * @param operator the operator that placed it
 * @param eid the target eUICC
 * @param iccid the profile allocated to it
 * @param profileType the profile's type
 * @param enable whether the profile is enabled once installed
 * @param state ACCEPTED, RUNNING, COMPLETED or FAILED
 * @param isdpAid the ISD-P created for it, once known
 * @param steps the steps in execution order
 * @param failure why it failed, else null
 */
public record Order(
        String orderId,
        String operator,
        String eid,
        String iccid,
        String profileType,
        boolean enable,
        String state,
        String isdpAid,
        List<Step> steps,
        Failure failure) {

    private static final Set<String> FINAL_STEP_STATES = Set.of("DONE", "FAILED", "SKIPPED");

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Whether nothing more happens to the order. */
    public boolean isFinal() {
        return "COMPLETED".equals(state) || "FAILED".equals(state);
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(state);
    }

    /**
     * One step.
     *
     * @param name e.g. {@code EUICC_REGISTRATION}
     * @param state PENDING, RUNNING, DONE, FAILED or SKIPPED
     * @param durationMillis its duration on the SM-DP's clock, once it ended
     */
    public record Step(String name, String state, Long durationMillis) {

        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }

        /** Whether the step has ended (done, failed or skipped). */
        public boolean hasEnded() {
            return FINAL_STEP_STATES.contains(state);
        }
    }

    /**
     * Why the order failed.
     *
     * @param step the step that failed
     * @param reason the SM-DP's reason (e.g. {@code ES3_EXPIRED}, {@code CARD_REFUSED})
     * @param message what happened, and the clean-up's outcome
     * @param statusCodeData the SM-SR's status code, when an ES3 function answered Failed or Expired
     */
    public record Failure(String step, String reason, String message, StatusCode statusCodeData) {}

    /** A GSMA status code as the SM-DP shows it. */
    public record StatusCode(String subjectCode, String reasonCode, String subjectIdentifier, String message) {

        @Override
        public String toString() {
            return "subject " + subjectCode + ", reason " + reasonCode
                    + (subjectIdentifier == null ? "" : ", " + subjectIdentifier)
                    + (message == null ? "" : ": " + message);
        }
    }
}
