package io.openrsp.smdp.order;

/**
 * DESIGN.md §4 and §7: where a provisioning order stands. Stored by name in {@code orders.state}; checked here, not
 * by a SQL {@code CHECK} (portable schema).
 *
 * <pre>
 *   ACCEPTED --a runner takes it--> RUNNING --all steps done--> COMPLETED
 *                                      |
 *                                      +--a step failed, clean-up done--> FAILED
 * </pre>
 *
 * An order ACCEPTED or RUNNING when the service stops is resumed at the next start ({@link OrderRunner}).
 */
public enum OrderState {
    /** Created and its profile allocated; waiting for a runner (at most {@code max-running} run at once). */
    ACCEPTED,
    /** A runner is executing its steps. */
    RUNNING,
    /** All steps done: the profile is installed (and enabled, if asked). Final. */
    COMPLETED,
    /** A step failed; {@code failure} says which and why. Final. */
    FAILED;

    /** Whether nothing more happens to the order. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
