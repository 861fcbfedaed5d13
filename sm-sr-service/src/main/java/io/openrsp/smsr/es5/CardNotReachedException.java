package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Eid;
import java.io.Serial;
import java.util.Objects;

/**
 * DESIGN.md §3.2 and STYLE.md "things not to copy": the card did not answer a script before its deadline, or could
 * not be woken (the SMS-C refused the push SMS). The ES3 function then ends {@code Expired}, never with a made-up
 * success. The message names the EID and the reason, never key material.
 */
public final class CardNotReachedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Eid eid;

    public CardNotReachedException(Eid eid, String reason) {
        super("eUICC " + eid + " not reached: " + reason);
        this.eid = Objects.requireNonNull(eid, "eid");
    }

    public CardNotReachedException(Eid eid, String reason, Throwable cause) {
        super("eUICC " + eid + " not reached: " + reason, cause);
        this.eid = Objects.requireNonNull(eid, "eid");
    }

    public Eid eid() {
        return eid;
    }
}
