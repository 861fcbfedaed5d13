package io.openrsp.euicc.card;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Exception;
import io.openrsp.crypto.scp80.Scp80Policy;
import io.openrsp.crypto.scp80.Scp80ReceivedPacket;
import io.openrsp.crypto.scp80.Scp80Receiver;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.scp81.Scp81FormatException;
import io.openrsp.rsp.script.CommandScript;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §3.2, §3.3, §4 step 1 and §7: the simulator's virtual eUICCs, persistent. The one entry point the
 * factory, the SMS-C, the ES5 client and the management API use; nothing per card stays in heap except a bounded cache
 * of opened key sets, so one simulator holds 100,000 cards and more.
 *
 * <p>Each operation on a card runs under that card's lock (striped, in process) and writes in one transaction that
 * first claims the row's {@code version} (optimistic lock against a second process on the same database); on a lost
 * claim it re-reads and retries. Crypto (unwrapping, SCP80) runs before the transaction opens, so a connection is
 * never held during it.
 */
@Service
public class Cards {

    private static final Logger log = LoggerFactory.getLogger(Cards.class);
    private static final int ATTEMPTS = 3;
    private static final int LOCK_STRIPES = 1024;
    private static final int MAX_PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CardStore store;
    private final CardSecrets secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random;
    private final CardLocks locks = new CardLocks(LOCK_STRIPES);
    private final IsdpApplication isdpApplication;

    Cards(
            CardStore store,
            CardSecrets secrets,
            PlatformTransactionManager transactionManager,
            Clock clock,
            SecureRandom random,
            CardProperties properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.isdpApplication = new IsdpApplication(
                new CiTrust(properties.ciCertificate(), clock),
                random,
                new Es8Sessions(clock, Es8Sessions.DEFAULT_MAX_SESSIONS, Es8Sessions.DEFAULT_EXPIRY));
    }

    /**
     * Persists a card the factory made; SK.ECASD is sealed for this EID.
     *
     * @throws CardException {@code ALREADY_EXISTS}
     */
    public void create(NewCard card) {
        Objects.requireNonNull(card, "card");
        Eid eid = card.eid();
        String sealedKey = secrets.sealEcasdKey(eid, card.ecasdKeys().privateKey());
        String certificate = Base64.getEncoder().encodeToString(card.ecasdCertificate());
        locks.withLock(eid, () -> {
            try {
                transactions.executeWithoutResult(
                        status -> store.insert(eid, sealedKey, certificate, card.memoryBytes(), now()));
            } catch (DuplicateKeyException e) {
                throw new CardException(CardException.Reason.ALREADY_EXISTS, eid);
            }
            return null;
        });
    }

    /**
     * DESIGN.md §4 step 1, on the card: unwraps the SM-SR's key material with SK.ECASD
     * ({@link EcasdKeyWrap#unwrap}, sharedInfo = {@code smsrId} and the EID), stores it sealed with a fresh SCP80
     * counter, and queues the DECLARATION notification for the first admin session.
     *
     * @throws CardException {@code UNKNOWN_EID}, {@code ALREADY_REGISTERED}, {@code KEYS_DO_NOT_OPEN}
     */
    public void installKeys(Eid eid, byte[] wrappedKeyMaterial, String smsrId) {
        Objects.requireNonNull(wrappedKeyMaterial, "wrappedKeyMaterial");
        Objects.requireNonNull(smsrId, "smsrId");
        byte[] wrapped = wrappedKeyMaterial.clone();
        updating(eid, () -> {
            CardRow row = row(eid);
            if (row.registered()) {
                throw new CardException(CardException.Reason.ALREADY_REGISTERED, eid);
            }
            CardKeyMaterial material;
            try {
                EcPrivateKey ecasd = openEcasdKey(row);
                material = EcasdKeyWrap.unwrap(ecasd, wrapped, EcasdKeyWrap.sharedInfo(smsrId, eid.toBytes()), random);
            } catch (CryptoException e) {
                throw new CardException(CardException.Reason.KEYS_DO_NOT_OPEN, eid);
            }
            String sealed = secrets.sealKeyMaterial(eid, material);
            String counter = HEX.formatHex(Scp80CounterState.initial().encode());
            Instant now = now();
            transactions.executeWithoutResult(status -> {
                claim(row);
                store.register(eid, sealed, smsrId, counter);
                CardState before = store.state(row);
                store.save(before, before.withNotification(NotificationType.DECLARATION, Optional.empty()), now);
            });
            secrets.remember(eid, material);
            return null;
        });
    }

    /**
     * ETSI TS 102 225 reception at the ISD-R (DESIGN.md §3.2): verifies the command packet with the card's SCP80 key
     * set under {@link Scp80Policy#ISD_R} (ciphering, checksum, counter higher than the last accepted), checks it is
     * addressed to the ISD-R's TAR, and decodes the administration session triggering parameters, which must name
     * this card's ISD-R.
     *
     * <p>A packet that passes the SCP80 checks moves the stored counter even when its data turns out unusable: it was
     * authentic, and it must not be replayable. A rejected packet changes nothing. Rejections are logged at debug
     * with the EID and the check that failed, never packet contents.
     *
     * @return the trigger, or empty if the packet is ignored for any reason (unknown card, not registered, tampered,
     *     replayed, another TAR, undecodable trigger)
     */
    public Optional<AdminSessionTrigger> receivePushSms(Eid eid, byte[] commandPacket) {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(commandPacket, "commandPacket");
        byte[] packet = commandPacket.clone();
        return updating(eid, () -> {
            Optional<CardRow> found = store.find(eid);
            if (found.isEmpty() || !found.get().registered()) {
                log.debug("push SMS for {} ignored: no registered card with this EID", eid);
                return Optional.empty();
            }
            CardRow row = found.get();
            Scp80Receiver receiver = Scp80Receiver.create(
                    keyMaterial(row).scp80(),
                    Scp80CounterState.decode(HEX.parseHex(Objects.requireNonNull(row.scp80Counter()))),
                    Scp80Policy.ISD_R);
            Scp80ReceivedPacket received;
            try {
                received = receiver.receive(packet);
            } catch (Scp80Exception e) {
                log.debug("push SMS for {} ignored: {} ({})", eid, e.getMessage(), e.porStatus());
                return Optional.empty();
            }
            if (received.tar().value() != Tar.ISD_R.value()) {
                log.debug("push SMS for {} ignored: addressed to {}, not the ISD-R", eid, received.tar());
                return Optional.empty();
            }
            String counter = HEX.formatHex(receiver.counterState().encode());
            transactions.executeWithoutResult(status -> {
                claim(row);
                store.updateCounter(eid, counter);
            });
            return trigger(eid, received.securedData());
        });
    }

    private static Optional<AdminSessionTrigger> trigger(Eid eid, byte[] data) {
        AdminSessionTrigger trigger;
        try {
            trigger = AdminSessionTrigger.decode(data);
        } catch (Scp81FormatException e) {
            log.debug("push SMS for {} ignored: triggering parameters malformed ({})", eid, e.reason());
            return Optional.empty();
        }
        PskIdentity identity = trigger.pskIdentity();
        if (!identity.eid().equals(eid) || !identity.isdR().equals(Aid.ISD_R)) {
            log.debug("push SMS for {} ignored: the PSK identity names another card or application", eid);
            return Optional.empty();
        }
        return Optional.of(trigger);
    }

    /**
     * The ISD-R's SCP81 credentials: the SGP.02 PSK identity (ISD-R, the key material's KVN and KID) and the PSK.
     *
     * @throws CardException {@code UNKNOWN_EID}, {@code NOT_REGISTERED}
     */
    public PskCredentials pskCredentials(Eid eid) {
        Objects.requireNonNull(eid, "eid");
        CardKeyMaterial material = secrets.cachedKeyMaterial(eid).orElseGet(() -> {
            CardRow row = row(eid);
            if (!row.registered()) {
                throw new CardException(CardException.Reason.NOT_REGISTERED, eid);
            }
            return keyMaterial(row);
        });
        return new PskCredentials(PskIdentity.ofIsdR(eid, material.pskKid(), material.pskKvn()), material.psk());
    }

    /**
     * The notifications the card has raised and the SM-SR not yet confirmed, oldest first (what the card sends in
     * the first POST of an admin session).
     *
     * @throws CardException {@code UNKNOWN_EID}
     */
    public List<Notification> pendingNotifications(Eid eid) {
        Objects.requireNonNull(eid, "eid");
        List<PendingNotification> pending = store.notifications(eid);
        if (pending.isEmpty() && !store.exists(eid)) {
            throw new CardException(CardException.Reason.UNKNOWN_EID, eid);
        }
        return pending.stream().map(n -> n.toNotification(eid)).toList();
    }

    /**
     * Runs an expanded command script (ETSI TS 102 226) against the ISD-R, or against the application named by
     * {@code targetedApplication} ({@link ScriptExecution}); stops at the first failing APDU. At the ISD-R each APDU
     * is atomic and the card's state after the script is committed in one transaction; an ISD-P deleted by it loses
     * its ES8 key set, its profile and its in-memory ES8 state. At an ISD-P ({@link IsdpApplication}) each completed
     * ES8 step is committed as it happens (key set, SCP03t counter, installed profile), never anything partial.
     *
     * @throws CardException {@code UNKNOWN_EID}
     */
    public ScriptOutcome execute(Eid eid, Optional<Aid> targetedApplication, CommandScript script) {
        Objects.requireNonNull(targetedApplication, "targetedApplication");
        Objects.requireNonNull(script, "script");
        return updating(eid, () -> {
            CardRow row = row(eid);
            CardState before = store.state(row);
            Instant now = now();
            ScriptExecution.Run run = ScriptExecution.run(before, targetedApplication, script, now, (card, isdp, s) -> {
                StoreEs8Storage storage = new StoreEs8Storage(row, card);
                try {
                    return isdpApplication.run(eid, isdp, s, storage);
                } catch (LostClaimException e) {
                    // Another process wrote the card: what this one holds in memory for the ISD-P is not trusted.
                    isdpApplication.forget(eid, isdp);
                    throw e;
                }
            });
            if (!run.state().equals(before)) {
                transactions.executeWithoutResult(status -> {
                    claim(row);
                    store.save(before, run.state(), now);
                });
                for (Isdp gone : before.isdps()) {
                    if (run.state().isdp(gone.aid()).isEmpty()) {
                        isdpApplication.forget(eid, gone.aid());
                    }
                }
            }
            return run.outcome();
        });
    }

    /**
     * K and OPc of the profile {@code iccid} installed on the card, with its IMSI, for interoperability tests (the
     * management API exposes them only when the operator switched the export on).
     *
     * @return empty if the card holds no profile with this ICCID
     * @throws CardException {@code UNKNOWN_EID}
     */
    public Optional<ProfileKeys> profileKeys(Eid eid, String iccid) {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(iccid, "iccid");
        Optional<CardStore.ProfileRow> found = store.profileByIccid(eid, iccid);
        if (found.isEmpty()) {
            if (!store.exists(eid)) {
                throw new CardException(CardException.Reason.UNKNOWN_EID, eid);
            }
            return Optional.empty();
        }
        CardStore.ProfileRow profile = found.get();
        SubscriberKeys keys;
        try {
            keys = secrets.openProfileKeys(eid, profile.isdp(), profile.kiOpcSealed());
        } catch (CryptoException e) {
            throw new IllegalStateException("the sealed profile keys of card " + eid
                    + " do not open: is this the master key they were sealed with?");
        }
        return Optional.of(
                new ProfileKeys(profile.profile().iccid(), profile.profile().imsi(), keys.ki(), keys.opc()));
    }

    /** @throws CardException {@code UNKNOWN_EID} */
    public boolean isReachable(Eid eid) {
        Objects.requireNonNull(eid, "eid");
        return store.reachable(eid).orElseThrow(() -> new CardException(CardException.Reason.UNKNOWN_EID, eid));
    }

    /**
     * Marks the card reachable or not; the SMS-C drops what it would deliver to an unreachable card.
     *
     * @throws CardException {@code UNKNOWN_EID}
     */
    public void setReachable(Eid eid, boolean reachable) {
        Objects.requireNonNull(eid, "eid");
        Boolean found = transactions.execute(status -> store.setReachable(eid, reachable));
        if (!Boolean.TRUE.equals(found)) {
            throw new CardException(CardException.Reason.UNKNOWN_EID, eid);
        }
    }

    /** Whether a card has this EID (one row read, not the whole view). */
    public boolean exists(Eid eid) {
        Objects.requireNonNull(eid, "eid");
        return store.find(eid).isPresent();
    }

    public Optional<CardView> view(Eid eid) {
        Objects.requireNonNull(eid, "eid");
        return store.find(eid)
                .map(row -> view(
                        row,
                        store.isdps(eid),
                        store.profiles(eid),
                        store.notifications(eid).size()));
    }

    /**
     * A page of cards ordered by EID, read from the database.
     *
     * @param offset cards to skip, >= 0
     * @param limit page size, 1..1000
     */
    public List<CardView> list(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1.." + MAX_PAGE);
        }
        List<CardRow> rows = store.page(offset, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Eid first = rows.getFirst().eid();
        Eid last = rows.getLast().eid();
        Map<String, List<Isdp>> isdps = store.isdpsBetween(first, last);
        Map<String, Integer> pending = store.pendingBetween(first, last);
        Map<String, Map<Aid, InstalledProfile>> profiles = store.profilesBetween(first, last);
        List<CardView> views = new ArrayList<>(rows.size());
        for (CardRow row : rows) {
            String eid = row.eid().digits();
            views.add(view(
                    row,
                    isdps.getOrDefault(eid, List.of()),
                    profiles.getOrDefault(eid, Map.of()),
                    pending.getOrDefault(eid, 0)));
        }
        return views;
    }

    public long count() {
        return store.count();
    }

    private static CardView view(
            CardRow row, List<Isdp> isdps, Map<Aid, InstalledProfile> profiles, int pendingNotifications) {
        long used = isdps.stream().mapToLong(Isdp::memoryQuota).sum();
        return new CardView(
                row.eid().digits(),
                row.registered(),
                row.smsrId(),
                row.reachable(),
                row.memoryBytes(),
                row.memoryBytes() - used,
                isdps.stream().map(isdp -> isdp.view(profiles.get(isdp.aid()))).toList(),
                pendingNotifications);
    }

    /** Runs {@code action} under the card's lock, retrying when another process claimed the row first. */
    private <T> T updating(Eid eid, Supplier<T> action) {
        Objects.requireNonNull(eid, "eid");
        return locks.withLock(eid, () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return action.get();
                } catch (LostClaimException e) {
                    if (attempt == ATTEMPTS) {
                        throw new CardException(CardException.Reason.CONCURRENT_MODIFICATION, eid);
                    }
                    log.debug("card {} changed by another writer; retrying", eid);
                }
            }
        });
    }

    private void claim(CardRow row) {
        if (!store.bumpVersion(row.eid(), row.version())) {
            throw new LostClaimException();
        }
    }

    private CardRow row(Eid eid) {
        return store.find(eid).orElseThrow(() -> new CardException(CardException.Reason.UNKNOWN_EID, eid));
    }

    private EcPrivateKey openEcasdKey(CardRow row) {
        try {
            return secrets.openEcasdKey(row.eid(), row.ecasdPrivateSealed());
        } catch (CryptoException e) {
            throw new IllegalStateException("the sealed ECASD key of card " + row.eid()
                    + " does not open: is this the master key it was" + " sealed with?");
        }
    }

    private CardKeyMaterial keyMaterial(CardRow row) {
        try {
            return secrets.keyMaterial(row.eid(), Objects.requireNonNull(row.keyMaterialSealed()));
        } catch (CryptoException e) {
            throw new IllegalStateException("the sealed key material of card " + row.eid()
                    + " does not open: is this the master key it" + " was sealed with?");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@link Es8Storage} over the card store for one script, under the card's lock: each write claims the row
     * (optimistic lock) in its own transaction and tracks the version it leaves, so the next write of the same script
     * claims again.
     */
    private final class StoreEs8Storage implements Es8Storage {

        private final Eid eid;
        private CardRow row;
        private CardState state;

        StoreEs8Storage(CardRow row, CardState state) {
            this.eid = row.eid();
            this.row = row;
            this.state = state;
        }

        @Override
        public CardState state() {
            return state;
        }

        @Override
        public EcPrivateKey ecasdKey() {
            return openEcasdKey(row);
        }

        @Override
        public Optional<StoredKeySet> keySet(Aid isdp) {
            return store.keySet(eid, isdp).map(stored -> {
                try {
                    return new StoredKeySet(
                            secrets.openKeySet(eid, isdp, stored.kvn(), stored.sealed()), stored.sequenceCounter());
                } catch (CryptoException e) {
                    throw new IllegalStateException("the sealed key set of ISD-P " + isdp + " of card " + eid
                            + " does not open: is this the master key it was sealed with?");
                }
            });
        }

        @Override
        public void replaceKeySet(Aid isdp, Scp03KeySet keySet) {
            String sealed = secrets.sealKeySet(eid, isdp, keySet);
            Instant now = now();
            write(() -> store.replaceKeySet(eid, isdp, keySet.kvn(), sealed, Scp03SequenceCounter.initial(), now));
        }

        @Override
        public void storeSequenceCounter(Aid isdp, Scp03SequenceCounter counter) {
            write(() -> {
                if (!store.updateSequenceCounter(eid, isdp, counter)) {
                    throw new IllegalStateException("ISD-P " + isdp + " of card " + eid + " lost its key set");
                }
            });
        }

        @Override
        public void install(Aid isdp, ProfilePackage profile) {
            Isdp current = state.isdp(isdp).orElseThrow();
            CardState after = state.with(current.withProfile(profile.iccid().digits()));
            byte[] ki = profile.ki();
            byte[] opc = profile.opc();
            String sealed;
            try {
                sealed = secrets.sealProfileKeys(
                        eid, isdp, new SubscriberKeys(SecretBytes.copyOf(ki), SecretBytes.copyOf(opc)));
            } finally {
                Arrays.fill(ki, (byte) 0);
                Arrays.fill(opc, (byte) 0);
            }
            InstalledProfile installed = new InstalledProfile(
                    profile.iccid().digits(), profile.imsi().digits(), profile.profileType());
            Instant now = now();
            CardState before = state;
            write(() -> {
                store.save(before, after, now);
                store.insertProfile(eid, isdp, installed, sealed, now);
            });
            state = after;
        }

        private void write(Runnable change) {
            CardRow claimed = row;
            transactions.executeWithoutResult(status -> {
                claim(claimed);
                change.run();
            });
            row = claimed.withVersion(claimed.version() + 1);
        }
    }
}
