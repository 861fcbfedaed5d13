package io.openrsp.smsr.eis;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.rsp.id.Eid;
import java.util.Optional;
import java.util.function.Function;

/**
 * DESIGN.md §3.2: the ES5 credentials of a registered card (SCP81 PSK, SCP80 key set and counter), as the ES5
 * listener and the push SMS need them. The keys were generated at ES1 registration and are stored sealed.
 */
public interface CardCredentials {

    /** Looks up a registered card's PSK; empty if the EID is unknown or the key version/id differ. */
    Optional<SecretBytes> psk(Eid eid, int kvn, int kid);

    /**
     * Runs {@code fn} with an {@link Scp80Sender} for the card's SCP80 key set and its last sent counter, and durably
     * stores the sender's {@code counterState()} afterwards in the same transaction (row lock: concurrent pushes never
     * reuse a counter).
     *
     * @throws UnknownEidException if the card is not registered
     */
    <T> T withScp80Sender(Eid eid, Function<Scp80Sender, T> fn);
}
