package io.openrsp.euicc.card;

import io.openrsp.crypto.SecretBytes;
import java.util.Objects;

/**
 * DESIGN.md §6: the MILENAGE subscriber key K and operator variant key OPc of an installed profile (16 bytes each),
 * secrets; {@link #toString()} redacts them.
 */
record SubscriberKeys(SecretBytes ki, SecretBytes opc) {

    SubscriberKeys {
        Objects.requireNonNull(ki, "ki");
        Objects.requireNonNull(opc, "opc");
    }

    @Override
    public String toString() {
        return "SubscriberKeys[redacted]";
    }
}
