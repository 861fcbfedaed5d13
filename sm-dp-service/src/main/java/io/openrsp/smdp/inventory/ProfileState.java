package io.openrsp.smdp.inventory;

/**
 * DESIGN.md §4 step 4 and §7: where a profile of the SM-DP inventory stands. Stored by name in
 * {@code profile.state}; the allowed values are checked here, not by a SQL {@code CHECK} (portable schema).
 *
 * <pre>
 *   AVAILABLE --allocate--> ALLOCATED --markInstalled--> INSTALLED
 *       ^                       |
 *       +-------release---------+       (an order failed before the card installed the profile)
 * </pre>
 *
 * <p>Deliberately three states. An installed profile is never handed out again (its Ki is on a card), so INSTALLED
 * is final here; deleting it from the card later (a "released" or "retired" state) belongs to the order life-cycle of
 * issue 5's later increments, which can add states without changing these.
 */
public enum ProfileState {
    /** Imported or generated, sealed, not promised to anyone. */
    AVAILABLE,
    /** Reserved for exactly one order and eUICC; no other order can take it. */
    ALLOCATED,
    /** The eUICC reported the profile installed; final. */
    INSTALLED;

    /** The state stored as {@code name}. */
    static ProfileState fromColumn(String name) {
        return valueOf(name);
    }
}
