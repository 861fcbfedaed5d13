package io.openrsp.euicc.card;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.rsp.scp81.PskIdentity;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §2.4.3 / DESIGN.md §3.2: the ISD-R's SCP81 PSK-TLS credentials as the card presents them on ES5,
 * the SGP.02 PSK identity and the pre-shared key. {@link #toString()} never shows the key.
 */
public record PskCredentials(PskIdentity identity, SecretBytes psk) {

    public PskCredentials {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(psk, "psk");
    }

    @Override
    public String toString() {
        return "PskCredentials[identity=" + identity.encode() + ", psk=redacted]";
    }
}
