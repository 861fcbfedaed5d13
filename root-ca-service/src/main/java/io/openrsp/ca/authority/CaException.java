package io.openrsp.ca.authority;

import io.openrsp.crypto.pki.PkiException;
import java.util.Objects;

/**
 * The CA's one refusal type (STYLE.md rule 4): a {@link Refusal} and a message safe to show to the client.
 * Unchecked so that it rolls a transaction back; the cause, if any, is for logs only.
 */
public final class CaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    public CaException(Refusal refusal, String message) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public CaException(Refusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** Keeps a PKI library refusal's reason and its client-safe message. */
    public static CaException from(PkiException e) {
        Refusal refusal = Refusal.of(e.reason());
        return refusal == Refusal.INTERNAL
                ? new CaException(refusal, "the CA could not complete the request", e)
                : new CaException(refusal, e.getMessage(), e);
    }

    public Refusal refusal() {
        return refusal;
    }
}
