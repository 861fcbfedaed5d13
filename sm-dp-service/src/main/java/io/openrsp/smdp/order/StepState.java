package io.openrsp.smdp.order;

/**
 * DESIGN.md §4: where one step of an order stands. Stored by name in {@code order_step.state}. Every transition is
 * committed on its own: RUNNING (with {@code started_at}) before the step's first call, DONE or FAILED (with
 * {@code ended_at}) after its last, so a restarted service knows what it was doing.
 */
public enum StepState {
    /** Not started. */
    PENDING,
    /** Started and not finished (after a crash: its outcome is unknown). */
    RUNNING,
    /** Finished successfully. */
    DONE,
    /** Finished with the order's failure. */
    FAILED,
    /** Not needed for this order (PROFILE_ENABLING when the operator did not ask for it). */
    SKIPPED;

    /** Whether the step has ended: DONE, FAILED or SKIPPED. */
    public boolean hasEnded() {
        return this == DONE || this == FAILED || this == SKIPPED;
    }
}
