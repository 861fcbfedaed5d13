package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The card store on a real database through the real Spring context ({@link Cards} with its store, sealing and
 * transactions): registration, scripts, notifications, push SMS reception, reachability, paging, the one-enabled
 * invariant under concurrent scripts, sealing at rest, and ES8 at an ISD-P (key set, SCP03t counter and installed
 * profile persisted, removed with the ISD-P). Subclasses choose the database.
 */
@SpringBootTest
abstract class CardsScenario {

    private static final AtomicLong SERIALS = new AtomicLong();
    private static final int PREFIX = ThreadLocalRandom.current().nextInt(1_000_000);
    private static final Aid A = Aid.isdP(Tar.of(0x10));
    private static final Aid B = Aid.isdP(Tar.of(0x11));
    private static final long MEMORY = 64 * 1024;

    @Autowired
    Cards cards;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** The file settings the application context needs (TLS identity, EUM files), pointing at {@code pki}. */
    static void pki(DynamicPropertyRegistry registry, TestPki pki) {
        TestCardSettings.pkiFiles(pki).forEach((name, value) -> registry.add(name, () -> value));
    }

    private static Eid nextEid() {
        return TestCards.eid(PREFIX, SERIALS.incrementAndGet());
    }

    private NewCard created() {
        NewCard card = TestCards.newCard(nextEid(), MEMORY);
        cards.create(card);
        return card;
    }

    private TestCards.Registration registered(NewCard card) {
        TestCards.Registration registration = TestCards.registration(card, TestCards.SMSR_ID);
        cards.installKeys(card.eid(), registration.wrapped(), TestCards.SMSR_ID);
        return registration;
    }

    private ResponseScript run(Eid eid, io.openrsp.rsp.apdu.CommandApdu... commands) {
        ScriptOutcome outcome = cards.execute(eid, Optional.empty(), CommandScript.of(commands));
        assertThat(outcome).isInstanceOf(ScriptOutcome.Executed.class);
        return ((ScriptOutcome.Executed) outcome).response();
    }

    private static void assertCardException(Runnable call, CardException.Reason reason) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        CardException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void createWhenNewThenViewShowsUnregisteredReachableCardWithAllMemoryFree() {
        NewCard card = created();

        CardView view = cards.view(card.eid()).orElseThrow();

        assertThat(view).isEqualTo(new CardView(card.eid().digits(), false, null, true, MEMORY, MEMORY, List.of(), 0));
    }

    @Test
    void createWhenEidExistsThenAlreadyExists() {
        NewCard card = created();

        assertCardException(
                () -> cards.create(TestCards.newCard(card.eid(), MEMORY)), CardException.Reason.ALREADY_EXISTS);
    }

    @Test
    void installKeysWhenWrappedForThisCardThenRegisteredWithDeclarationPendingAndPskUsable() {
        NewCard card = created();

        TestCards.Registration registration = registered(card);

        CardView view = cards.view(card.eid()).orElseThrow();
        assertThat(view.registered()).isTrue();
        assertThat(view.smsrId()).isEqualTo(TestCards.SMSR_ID);
        assertThat(cards.pendingNotifications(card.eid()))
                .containsExactly(new Notification(card.eid(), NotificationType.DECLARATION, Optional.empty(), 1));
        PskCredentials psk = cards.pskCredentials(card.eid());
        assertThat(psk.identity()).isEqualTo(PskIdentity.ofIsdR(card.eid(), 0x01, 0x40));
        assertThat(psk.psk().equalsConstantTime(registration.material().psk())).isTrue();
        assertThat(psk.toString())
                .doesNotContain(hex(registration.material().psk().toByteArray(SecretKeyAccess.get())));
    }

    @Test
    void installKeysWhenAlreadyRegisteredThenAlreadyRegistered() {
        NewCard card = created();
        registered(card);
        TestCards.Registration second = TestCards.registration(card, TestCards.SMSR_ID);

        assertCardException(
                () -> cards.installKeys(card.eid(), second.wrapped(), TestCards.SMSR_ID),
                CardException.Reason.ALREADY_REGISTERED);
    }

    @Test
    void installKeysWhenWrappedForAnotherSmsrIdThenKeysDoNotOpenAndCardStaysUnregistered() {
        NewCard card = created();
        TestCards.Registration registration = TestCards.registration(card, "SM-SR-OTHER");

        assertCardException(
                () -> cards.installKeys(card.eid(), registration.wrapped(), TestCards.SMSR_ID),
                CardException.Reason.KEYS_DO_NOT_OPEN);
        assertThat(cards.view(card.eid()).orElseThrow().registered()).isFalse();
        assertThat(cards.pendingNotifications(card.eid())).isEmpty();
    }

    @Test
    void installKeysWhenWrappedForAnotherCardThenKeysDoNotOpen() {
        NewCard card = created();
        NewCard other = TestCards.newCard(nextEid(), MEMORY);
        TestCards.Registration forOther = TestCards.registration(other, TestCards.SMSR_ID);

        assertCardException(
                () -> cards.installKeys(card.eid(), forOther.wrapped(), TestCards.SMSR_ID),
                CardException.Reason.KEYS_DO_NOT_OPEN);
    }

    @Test
    void pskCredentialsWhenNotRegisteredThenNotRegistered() {
        NewCard card = created();

        assertCardException(() -> cards.pskCredentials(card.eid()), CardException.Reason.NOT_REGISTERED);
    }

    @Test
    void operationsWhenUnknownEidThenUnknownEid() {
        Eid unknown = nextEid();

        assertCardException(() -> cards.pskCredentials(unknown), CardException.Reason.UNKNOWN_EID);
        assertCardException(() -> cards.pendingNotifications(unknown), CardException.Reason.UNKNOWN_EID);
        assertCardException(
                () -> cards.execute(unknown, Optional.empty(), CommandScript.of(IsdRCommands.getStatusAll())),
                CardException.Reason.UNKNOWN_EID);
        assertCardException(() -> cards.isReachable(unknown), CardException.Reason.UNKNOWN_EID);
        assertCardException(() -> cards.setReachable(unknown, false), CardException.Reason.UNKNOWN_EID);
        assertCardException(
                () -> cards.installKeys(unknown, new byte[100], TestCards.SMSR_ID), CardException.Reason.UNKNOWN_EID);
        assertThat(cards.view(unknown)).isEmpty();
        assertThat(cards.receivePushSms(unknown, new byte[40])).isEmpty();
    }

    @Test
    void executeWhenCreateGetStatusDeleteThenViewAgreesAfterEachStep() {
        NewCard card = created();
        registered(card);

        ResponseScript created = run(card.eid(), IsdRCommands.createIsdp(A, 4096));
        assertThat(created.responses()).containsExactly(ResponseApdu.of(StatusWord.NO_ERROR));
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .containsExactly(new IsdpView(A.toString(), "Created", false, 4096, null, null, null));
        assertThat(cards.view(card.eid()).orElseThrow().freeMemoryBytes()).isEqualTo(MEMORY - 4096);

        ResponseScript status = run(card.eid(), IsdRCommands.getStatus(A));
        assertThat(GetStatusResponse.decode(status.responses().getFirst().data()))
                .containsExactly(new IsdpStatus(A, LifeCycle.CREATED, false));

        ResponseScript deleted = run(card.eid(), IsdRCommands.deleteIsdp(A));
        assertThat(deleted.responses()).containsExactly(ResponseApdu.of(StatusWord.NO_ERROR));
        CardView after = cards.view(card.eid()).orElseThrow();
        assertThat(after.isdps()).isEmpty();
        assertThat(after.freeMemoryBytes()).isEqualTo(MEMORY);
        assertThat(run(card.eid(), IsdRCommands.getStatus(A)).lastStatusWord())
                .contains(StatusWord.REFERENCED_DATA_NOT_FOUND);
    }

    @Test
    void executeWhenScriptFailsMidwayThenOnlyEarlierCommandsAreCommitted() {
        NewCard card = created();

        ResponseScript response = run(
                card.eid(),
                IsdRCommands.createIsdp(A, 1000),
                IsdRCommands.createIsdp(B, MEMORY),
                IsdRCommands.deleteIsdp(A));

        assertThat(response.responses())
                .containsExactly(ResponseApdu.of(StatusWord.NO_ERROR), ResponseApdu.of(StatusWord.NOT_ENOUGH_MEMORY));
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .extracting(IsdpView::aid)
                .containsExactly(A.toString());
    }

    @Test
    void executeWhenEnablingTestProfileThenEnabledAndNotificationUntilConfirmed() {
        NewCard card = created();
        registered(card);
        run(card.eid(), IsdRCommands.confirmNotification(1), IsdRCommands.createIsdp(A, 0));
        new TestProfiles(context).installTestProfile(card.eid(), A, "8901000000000000001");

        ResponseScript enabled = run(card.eid(), IsdRCommands.enableProfile(A));

        assertThat(enabled.responses()).containsExactly(ResponseApdu.of(StatusWord.NO_ERROR));
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .containsExactly(new IsdpView(A.toString(), "Enabled", false, 0, "8901000000000000001", null, null));
        assertThat(cards.pendingNotifications(card.eid()))
                .containsExactly(
                        new Notification(card.eid(), NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(A), 2));

        run(card.eid(), IsdRCommands.confirmNotification(2));

        assertThat(cards.pendingNotifications(card.eid())).isEmpty();
        assertThat(cards.view(card.eid()).orElseThrow().pendingNotifications()).isZero();
    }

    @Test
    void executeWhenPol1ForbidsDeletionThen69E1AndTheIsdpStays() {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, 0));
        TestProfiles profiles = new TestProfiles(context);
        profiles.installTestProfile(card.eid(), A, "8901000000000000001");
        profiles.setPol1(card.eid(), A, false, true);

        ResponseScript response = run(card.eid(), IsdRCommands.deleteIsdp(A));

        assertThat(response.responses()).containsExactly(ResponseApdu.of(StatusWord.POL1_FORBIDS));
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .containsExactly(new IsdpView(A.toString(), "Disabled", false, 0, "8901000000000000001", null, null));
    }

    @Test
    void executeWhenEnablingIsdpWithoutProfileThen6985AndNothingChanges() {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, 0));
        CardView before = cards.view(card.eid()).orElseThrow();

        ResponseScript response = run(card.eid(), IsdRCommands.enableProfile(A));

        assertThat(response.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(cards.view(card.eid())).contains(before);
    }

    @Test
    void executeWhenConcurrentScriptsSwitchProfilesThenNeverTwoEnabled() throws Exception {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, 0), IsdRCommands.createIsdp(B, 0));
        TestProfiles profiles = new TestProfiles(context);
        profiles.installTestProfile(card.eid(), A, "8901000000000000001");
        profiles.installTestProfile(card.eid(), B, "8901000000000000019");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> enabledSeen = new ArrayList<>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> observer = threads.submit(() -> {
                while (running.get()) {
                    List<IsdpView> isdps = cards.view(card.eid()).orElseThrow().isdps();
                    synchronized (enabledSeen) {
                        enabledSeen.add((int) isdps.stream()
                                .filter(i -> i.lifeCycle().equals("Enabled"))
                                .count());
                    }
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Aid target = random.nextBoolean() ? A : B;
                        run(
                                card.eid(),
                                random.nextBoolean()
                                        ? IsdRCommands.enableProfile(target)
                                        : IsdRCommands.disableProfile(target));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            running.set(false);
            observer.get();
        }

        assertThat(enabledSeen).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));
        ResponseScript audit = run(card.eid(), IsdRCommands.getStatusAll());
        List<IsdpStatus> onCard =
                GetStatusResponse.decode(audit.responses().getFirst().data());
        assertThat(onCard.stream().filter(s -> s.lifeCycle() == LifeCycle.ENABLED))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .extracting(IsdpView::lifeCycle)
                .containsExactlyElementsOf(onCard.stream()
                        .map(s -> s.lifeCycle().toProfileState().wireValue())
                        .toList());
    }

    @Test
    void setReachableWhenFalseThenUnreachableUntilSetAgain() {
        NewCard card = created();

        cards.setReachable(card.eid(), false);
        assertThat(cards.isReachable(card.eid())).isFalse();
        assertThat(cards.view(card.eid()).orElseThrow().reachable()).isFalse();

        cards.setReachable(card.eid(), true);
        assertThat(cards.isReachable(card.eid())).isTrue();
    }

    @Test
    void listWhenPagedThenOrderedByEidWithIsdpsAndPendingCounts() {
        List<NewCard> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(created());
        }
        registered(made.get(1));
        run(made.get(2).eid(), IsdRCommands.createIsdp(A, 10));
        long total = cards.count();

        List<CardView> all = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 3) {
            all.addAll(cards.list(offset, 3));
        }

        assertThat(all).hasSize((int) total);
        assertThat(all).extracting(CardView::eid).isSorted();
        for (NewCard card : made) {
            assertThat(all).contains(cards.view(card.eid()).orElseThrow());
        }
        CardView second = all.stream()
                .filter(v -> v.eid().equals(made.get(1).eid().digits()))
                .findFirst()
                .orElseThrow();
        assertThat(second.pendingNotifications()).isEqualTo(1);
        assertThatThrownBy(() -> cards.list(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cards.list(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysWhenStoredThenSealedAndNeverInClear() {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        String row = jdbc.sql("SELECT ecasd_private || '|' || key_material FROM card WHERE eid = ?")
                .param(card.eid().digits())
                .query(String.class)
                .single();

        byte[] scalar =
                card.ecasdKeys().privateKey().toScalar(SecretKeyAccess.get()).toByteArray(SecretKeyAccess.get());
        byte[] psk = registration.material().psk().toByteArray(SecretKeyAccess.get());
        assertThat(row)
                .doesNotContainIgnoringCase(hex(scalar))
                .doesNotContain(Base64.getEncoder().encodeToString(scalar))
                .doesNotContainIgnoringCase(hex(psk))
                .doesNotContain(Base64.getEncoder().encodeToString(psk));
        assertThat(Base64.getDecoder().decode(row.substring(0, row.indexOf('|'))))
                .hasSize(12 + scalar.length + 16);
    }

    @Test
    void receivePushSmsWhenAuthenticThenTriggerReturnedAndCounterStored() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        Scp80Sender sender = TestCards.sender(registration.material());
        AdminSessionTrigger trigger = TestCards.trigger(card.eid(), registration.material(), 8443);

        Optional<AdminSessionTrigger> received =
                cards.receivePushSms(card.eid(), TestCards.pushSms(sender, 0x000001, trigger.encode()));

        assertThat(received).contains(trigger);
        assertThat(storedCounter(card.eid()))
                .isEqualTo(hex(sender.counterState().encode()));
    }

    @Test
    void receivePushSmsWhenOneBitFlippedThenIgnoredAndCounterUnchanged() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        Scp80Sender sender = TestCards.sender(registration.material());
        byte[] trigger =
                TestCards.trigger(card.eid(), registration.material(), 8443).encode();
        String counterBefore = storedCounter(card.eid());
        byte[] packet = TestCards.pushSms(sender, 0x000001, trigger);

        for (int bit : new int[] {8 * 12, 8 * (packet.length - 1) + 7, 8 * 20 + 3}) {
            byte[] tampered = packet.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(cards.receivePushSms(card.eid(), tampered))
                    .as("bit %d", bit)
                    .isEmpty();
        }

        assertThat(storedCounter(card.eid())).isEqualTo(counterBefore);
        assertThat(cards.receivePushSms(card.eid(), packet)).isPresent();
    }

    @Test
    void receivePushSmsWhenReplayedThenIgnored() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        byte[] packet = TestCards.pushSms(
                TestCards.sender(registration.material()),
                0x000001,
                TestCards.trigger(card.eid(), registration.material(), 8443).encode());

        assertThat(cards.receivePushSms(card.eid(), packet)).isPresent();
        assertThat(cards.receivePushSms(card.eid(), packet)).isEmpty();
    }

    @Test
    void receivePushSmsWhenCounterOlderThanLastAcceptedThenIgnored() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        Scp80Sender sender = TestCards.sender(registration.material());
        byte[] trigger =
                TestCards.trigger(card.eid(), registration.material(), 8443).encode();
        byte[] first = TestCards.pushSms(sender, 0x000001, trigger);
        byte[] second = TestCards.pushSms(sender, 0x000001, trigger);

        assertThat(cards.receivePushSms(card.eid(), second)).isPresent();
        assertThat(cards.receivePushSms(card.eid(), first)).isEmpty();
        assertThat(storedCounter(card.eid()))
                .isEqualTo(hex(sender.counterState().encode()));
    }

    @Test
    void receivePushSmsWhenCardNotRegisteredThenIgnored() throws Exception {
        NewCard card = created();
        TestCards.Registration keysNeverInstalled = TestCards.registration(card, TestCards.SMSR_ID);
        byte[] packet = TestCards.pushSms(
                TestCards.sender(keysNeverInstalled.material()),
                0x000001,
                TestCards.trigger(card.eid(), keysNeverInstalled.material(), 8443)
                        .encode());

        assertThat(cards.receivePushSms(card.eid(), packet)).isEmpty();
    }

    @Test
    void receivePushSmsWhenAddressedToAnotherTarThenIgnoredAndCounterUnchanged() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        String counterBefore = storedCounter(card.eid());
        byte[] packet = TestCards.pushSms(
                TestCards.sender(registration.material()),
                0x000010,
                TestCards.trigger(card.eid(), registration.material(), 8443).encode());

        assertThat(cards.receivePushSms(card.eid(), packet)).isEmpty();
        assertThat(storedCounter(card.eid())).isEqualTo(counterBefore);
    }

    @Test
    void receivePushSmsWhenTriggerNamesAnotherCardThenIgnoredButCounterConsumed() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);
        Scp80Sender sender = TestCards.sender(registration.material());
        byte[] foreign =
                TestCards.trigger(nextEid(), registration.material(), 8443).encode();

        assertThat(cards.receivePushSms(card.eid(), TestCards.pushSms(sender, 0x000001, foreign)))
                .isEmpty();
        assertThat(storedCounter(card.eid()))
                .isEqualTo(hex(sender.counterState().encode()));
    }

    @Test
    void receivePushSmsWhenDataIsNotATriggerThenIgnored() throws Exception {
        NewCard card = created();
        TestCards.Registration registration = registered(card);

        byte[] packet = TestCards.pushSms(TestCards.sender(registration.material()), 0x000001, new byte[] {1, 2, 3});

        assertThat(cards.receivePushSms(card.eid(), packet)).isEmpty();
    }

    private TestEs8Host.Card isdpA(Eid eid) {
        return script -> {
            ScriptOutcome outcome = cards.execute(eid, Optional.of(A), script);
            assertThat(outcome).isInstanceOf(ScriptOutcome.Executed.class);
            return ((ScriptOutcome.Executed) outcome).response();
        };
    }

    private TestEs8Host es8Host() {
        String ci = context.getEnvironment().getRequiredProperty("openrsp.cards.ci-certificate");
        return TestEs8Host.of(Path.of(ci).getParent());
    }

    private Map<String, Object> keySetRow(Eid eid) {
        return jdbc.sql("SELECT kvn, key_set, sequence_counter FROM isdp_key_set WHERE eid = ? AND aid = ?")
                .params(eid.digits(), A.toString())
                .query()
                .singleRow();
    }

    private long rows(String table, Eid eid) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE eid = ?")
                .param(eid.digits())
                .query(Long.class)
                .single();
    }

    @Test
    void executeWhenKeysEstablishedAtTheIsdpThenKeySetStoredSealedWithAFreshCounter() throws Exception {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, MEMORY / 2));

        Scp03KeySet keySet =
                es8Host().establish(isdpA(card.eid()), card.ecasdKeys().publicKey());

        Map<String, Object> row = keySetRow(card.eid());
        assertThat(((Number) row.get("kvn")).intValue()).isEqualTo(0x30);
        assertThat(((Number) row.get("sequence_counter")).intValue()).isZero();
        String sealed = (String) row.get("key_set");
        assertThat(Base64.getDecoder().decode(sealed)).hasSize(12 + 48 + 16);
        for (AesKey key : List.of(keySet.keyEnc(), keySet.keyMac(), keySet.keyDek())) {
            byte[] raw = key.secret().toByteArray(SecretKeyAccess.get());
            assertThat(sealed)
                    .doesNotContainIgnoringCase(hex(raw))
                    .doesNotContain(Base64.getEncoder().encodeToString(raw));
        }
    }

    @Test
    void executeWhenProfileDownloadedAtTheIsdpThenInstalledShownCounterPersistedAndKeysSealed() throws Exception {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, MEMORY / 2));
        TestEs8Host host = es8Host();
        Scp03KeySet keySet = host.establish(isdpA(card.eid()), card.ecasdKeys().publicKey());
        ProfilePackage profile = TestEs8Host.profile(2500);
        Scp03tHost session = host.download(keySet, Scp03SequenceCounter.initial());

        List<ResponseScript> responses =
                TestEs8Host.sendStream(isdpA(card.eid()), session.protect(TestEs8Host.encode(profile)));

        byte[] answer = TestEs8Host.data(responses.getLast());
        assertThat(EuiccResponse.decode(session.verifyResponse(answer))).isEqualTo(EuiccResponse.success());
        String iccid = profile.iccid().digits();
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .containsExactly(new IsdpView(
                        A.toString(),
                        "Disabled",
                        false,
                        MEMORY / 2,
                        iccid,
                        profile.imsi().digits(),
                        "Test profile"));
        assertThat(((Number) keySetRow(card.eid()).get("sequence_counter")).intValue())
                .isEqualTo(session.sequenceCounter().value());
        ProfileKeys keys = cards.profileKeys(card.eid(), iccid).orElseThrow();
        assertThat(keys.imsi()).isEqualTo(profile.imsi().digits());
        assertThat(keys.ki().toByteArray(SecretKeyAccess.get())).isEqualTo(profile.ki());
        assertThat(keys.opc().toByteArray(SecretKeyAccess.get())).isEqualTo(profile.opc());
        assertThat(keys.toString()).doesNotContainIgnoringCase(hex(profile.ki()));
        String sealed = jdbc.sql("SELECT ki_opc FROM profile WHERE eid = ? AND iccid = ?")
                .params(card.eid().digits(), iccid)
                .query(String.class)
                .single();
        assertThat(Base64.getDecoder().decode(sealed)).hasSize(12 + 32 + 16);
        assertThat(sealed).doesNotContainIgnoringCase(hex(profile.ki())).doesNotContainIgnoringCase(hex(profile.opc()));
        assertThat(cards.profileKeys(card.eid(), "8988220000000000028")).isEmpty();
    }

    @Test
    void executeWhenDownloadStopsShortThenNothingInstalledButThe84CounterIsPersisted() throws Exception {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, MEMORY / 2));
        TestEs8Host host = es8Host();
        Scp03KeySet keySet = host.establish(isdpA(card.eid()), card.ecasdKeys().publicKey());
        Scp03tHost session = host.download(keySet, Scp03SequenceCounter.initial());
        List<byte[]> stream = session.protect(TestEs8Host.encode(TestEs8Host.profile(2500)));

        TestEs8Host.sendStream(isdpA(card.eid()), stream.subList(0, stream.size() - 1));

        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .containsExactly(new IsdpView(A.toString(), "Created", false, MEMORY / 2, null, null, null));
        assertThat(rows("profile", card.eid())).isZero();
        assertThat(((Number) keySetRow(card.eid()).get("sequence_counter")).intValue())
                .isEqualTo(session.sequenceCounter().value());
        assertThat(TestEs8Host.send(isdpA(card.eid()), stream.getFirst()).lastStatusWord())
                .contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
    }

    @Test
    void executeWhenIsdpDeletedAfterKeyEstablishmentAndInstallationThenKeySetAndProfileRowsGone() throws Exception {
        NewCard card = created();
        run(card.eid(), IsdRCommands.createIsdp(A, MEMORY / 2));
        TestEs8Host host = es8Host();
        Scp03KeySet keySet = host.establish(isdpA(card.eid()), card.ecasdKeys().publicKey());
        Scp03tHost session = host.download(keySet, Scp03SequenceCounter.initial());
        TestEs8Host.sendStream(isdpA(card.eid()), session.protect(TestEs8Host.encode(TestEs8Host.profile(0))));
        assertThat(rows("profile", card.eid())).isEqualTo(1);

        ResponseScript deleted = run(card.eid(), IsdRCommands.deleteIsdp(A));

        assertThat(deleted.responses()).containsExactly(ResponseApdu.of(StatusWord.NO_ERROR));
        assertThat(rows("isdp_key_set", card.eid())).isZero();
        assertThat(rows("profile", card.eid())).isZero();
        run(card.eid(), IsdRCommands.createIsdp(A, MEMORY / 2));
        Scp03tHost again = host.download(keySet, session.sequenceCounter());
        assertThat(TestEs8Host.send(
                                isdpA(card.eid()), again.protect(new byte[0]).getFirst())
                        .lastStatusWord())
                .contains(StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    private String storedCounter(Eid eid) {
        return jdbc.sql("SELECT scp80_counter FROM card WHERE eid = ?")
                .param(eid.digits())
                .query(String.class)
                .single();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
