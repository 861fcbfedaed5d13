package io.openrsp.smdp.es8;

import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.3.2: the ISD-P's SCP03 key set (KVN {@code 30}) agreed in step 3, for the SCP03t download of
 * step 4. In memory only: never persisted, never logged ({@link #toString()} is redacted); an order that restarts
 * establishes a new one.
 *
 * <p>It also remembers the SCP03t sequence counter last used on the key set, so a second download attempt on the
 * same keys uses a higher counter, which the card accepts (it refuses a counter it has seen).
 */
public final class EstablishedKeySet {

    private final Scp03KeySet keySet;
    private Scp03SequenceCounter lastCounter = Scp03SequenceCounter.initial();

    EstablishedKeySet(Scp03KeySet keySet) {
        this.keySet = Objects.requireNonNull(keySet, "keySet");
    }

    Scp03KeySet keySet() {
        return keySet;
    }

    synchronized Scp03SequenceCounter lastCounter() {
        return lastCounter;
    }

    synchronized void used(Scp03SequenceCounter counter) {
        if (counter.value() > lastCounter.value()) {
            lastCounter = counter;
        }
    }

    /** The key version number only. */
    @Override
    public String toString() {
        return "EstablishedKeySet[kvn=" + String.format("%02X", keySet.kvn()) + ", keys redacted]";
    }
}
