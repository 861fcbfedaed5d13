package io.openrsp.euicc.es5;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §3.2 and §9: the card's PSK-TLS handshake failed, e.g. the server did not know the identity
 * ({@code unknown_psk_identity}) or the keys differ ({@code bad_record_mac} / {@code decrypt_error}).
 */
public final class PskTlsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String alert;

    public PskTlsException(String message, @Nullable String alert, Throwable cause) {
        super(message, cause);
        this.alert = alert;
    }

    /** The alert, as {@code sent <name>(<code>)} or {@code received <name>(<code>)}; null without one. */
    public @Nullable String alert() {
        return alert;
    }
}
