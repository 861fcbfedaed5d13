package io.openrsp.euicc.card;

import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.saip.ProfilePackage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test fixture: {@link Es8Storage} in memory, for unit tests of the ISD-P application without a database. */
final class InMemoryEs8Storage implements Es8Storage {

    private final EcPrivateKey ecasdKey;
    private CardState state;
    private final Map<Aid, StoredKeySet> keySets = new HashMap<>();
    private final Map<Aid, ProfilePackage> profiles = new HashMap<>();
    private int writes;

    InMemoryEs8Storage(CardState state, EcPrivateKey ecasdKey) {
        this.state = state;
        this.ecasdKey = ecasdKey;
    }

    @Override
    public CardState state() {
        return state;
    }

    /** Replaces the card state (a test changes an ISD-P behind the application's back, as the ISD-R would). */
    void state(CardState next) {
        state = next;
    }

    @Override
    public EcPrivateKey ecasdKey() {
        return ecasdKey;
    }

    @Override
    public Optional<StoredKeySet> keySet(Aid isdp) {
        return Optional.ofNullable(keySets.get(isdp));
    }

    @Override
    public void replaceKeySet(Aid isdp, Scp03KeySet keySet) {
        keySets.put(isdp, new StoredKeySet(keySet, Scp03SequenceCounter.initial()));
        writes++;
    }

    @Override
    public void storeSequenceCounter(Aid isdp, Scp03SequenceCounter counter) {
        StoredKeySet current = keySets.get(isdp);
        keySets.put(isdp, new StoredKeySet(current.keySet(), counter));
        writes++;
    }

    @Override
    public void install(Aid isdp, ProfilePackage profile) {
        Isdp current = state.isdp(isdp).orElseThrow();
        state = state.with(current.withProfile(profile.iccid().digits()));
        profiles.put(isdp, profile);
        writes++;
    }

    /** Deletes the ISD-P and what it holds, as the card store does for an ISD-R DELETE. */
    void delete(Aid isdp) {
        state = state.without(isdp);
        keySets.remove(isdp);
        profiles.remove(isdp);
    }

    Optional<ProfilePackage> profile(Aid isdp) {
        return Optional.ofNullable(profiles.get(isdp));
    }

    Optional<Scp03SequenceCounter> sequenceCounter(Aid isdp) {
        return keySet(isdp).map(StoredKeySet::sequenceCounter);
    }

    int writes() {
        return writes;
    }
}
