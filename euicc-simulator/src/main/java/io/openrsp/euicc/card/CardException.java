package io.openrsp.euicc.card;

import io.openrsp.rsp.id.Eid;
import java.util.Objects;

/**
 * DESIGN.md §7: the card store refused an operation, for {@link #reason()}. The message names the EID and the
 * reason, never key material; the web layer maps reasons to problems.
 */
public final class CardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No card with this EID. */
        UNKNOWN_EID,
        /** A card with this EID exists already. */
        ALREADY_EXISTS,
        /** The card holds no SM-SR key material yet. */
        NOT_REGISTERED,
        /** The card holds key material already; registration happens once. */
        ALREADY_REGISTERED,
        /** The wrapped key material does not open with this card's SK.ECASD (or was not made for it). */
        KEYS_DO_NOT_OPEN,
        /** Another process changed the card at the same time, and retrying did not help. */
        CONCURRENT_MODIFICATION
    }

    private final Reason reason;

    public CardException(Reason reason, Eid eid) {
        super(Objects.requireNonNull(reason, "reason") + " for card " + eid);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
