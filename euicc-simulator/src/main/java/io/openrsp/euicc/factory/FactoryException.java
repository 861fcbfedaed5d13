package io.openrsp.euicc.factory;

import java.util.Objects;

/**
 * DESIGN.md §4 step 1: the factory could not make a card at all, for {@link #reason()}. (A card that was made but
 * not registered is not an exception: its {@link CreatedCard} says why.) The message names settings and EIDs,
 * never key material.
 */
public final class FactoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The EUM certificate or key is missing, unreadable, or not an EUM CA with its key. */
        EUM_UNAVAILABLE,
        /** The EUM could not issue the ECASD certificate (e.g. its own certificate expired). */
        ISSUANCE_FAILED,
        /** No unused EID was found after several tries: the prefix leaves too few random digits. */
        EID_SPACE_EXHAUSTED
    }

    private final Reason reason;

    public FactoryException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FactoryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
