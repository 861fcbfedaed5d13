package io.openrsp.euicc.card;

import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.saip.ProfilePackage;
import java.util.Objects;
import java.util.Optional;

/**
 * DESIGN.md §7: what the ISD-P's ES8 application ({@link IsdpApplication}) reads and writes of one card, each write
 * its own transaction. {@link Cards} implements it over the card store for the duration of one script, under the
 * card's lock; unit tests implement it in memory.
 */
interface Es8Storage {

    /** The ISD-P's SCP03 key set and the SCP03t sequence counter last accepted on it. */
    record StoredKeySet(Scp03KeySet keySet, Scp03SequenceCounter sequenceCounter) {

        public StoredKeySet {
            Objects.requireNonNull(keySet, "keySet");
            Objects.requireNonNull(sequenceCounter, "sequenceCounter");
        }
    }

    /** The card's current state (ISD-Ps, free memory). */
    CardState state();

    /** SK.ECASD, opened for a key establishment. */
    EcPrivateKey ecasdKey();

    Optional<StoredKeySet> keySet(Aid isdp);

    /** Stores {@code keySet} for {@code isdp}, replacing any earlier one; the sequence counter starts afresh. */
    void replaceKeySet(Aid isdp, Scp03KeySet keySet);

    /** Persists the sequence counter of an SCP03t session just accepted ({@code 84}). */
    void storeSequenceCounter(Aid isdp, Scp03SequenceCounter counter);

    /**
     * Installs {@code profile} in the CREATED ISD-P {@code isdp} in one transaction: the ISD-P becomes DISABLED with
     * the ICCID, and the profile row (ICCID, IMSI, profile type, K and OPc sealed) is written.
     */
    void install(Aid isdp, ProfilePackage profile);
}
