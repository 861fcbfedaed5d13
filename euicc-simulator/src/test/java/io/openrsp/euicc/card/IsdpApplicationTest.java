package io.openrsp.euicc.card;

import static io.openrsp.euicc.card.TestCardStates.EID;
import static io.openrsp.euicc.card.TestCardStates.empty;
import static io.openrsp.euicc.card.TestCardStates.isdp;
import static io.openrsp.euicc.card.TestCardStates.withIsdp;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.HostKeyEstablishment;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.PeStatusCode;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IsdpApplication} against the real host side ({@code io.openrsp.rsp.es8} key establishment, {@link
 * Scp03tHost}, STORE DATA sequences) with the card's storage in memory: key establishment, download and installation,
 * and each way a step is refused, with the status word it must give and what must not change.
 */
class IsdpApplicationTest {

    private static final TestPki PKI = TestPki.create();
    private static final TestPki FOREIGN = TestPki.create();
    private static final Aid A = isdp(0x10);
    private static final long QUOTA = 64 * 1024;
    /** Three segments: 1024 + 1024 + the rest. */
    private static final int PADDING = 2500;

    private final SecureRandom random = new SecureRandom();
    private final EcKeyPair ecasd = EcKeyPair.generate(random);
    private final TestEs8Host host = TestEs8Host.of(PKI);
    private InMemoryEs8Storage storage;
    private IsdpApplication application;
    private TestEs8Host.Card card;

    @BeforeEach
    void card() {
        storage = new InMemoryEs8Storage(withIsdp(empty(), A, LifeCycle.CREATED, false, QUOTA), ecasd.privateKey());
        application = application(PKI.file("ci.crt"));
        card = script -> application.run(EID, A, script, storage);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
        FOREIGN.delete();
    }

    private IsdpApplication application(Path ciCertificate) {
        Clock clock = Clock.systemUTC();
        return new IsdpApplication(
                new CiTrust(ciCertificate, clock), random, new Es8Sessions(clock, 100, Duration.ofMinutes(10)));
    }

    private Scp03KeySet establish() throws Exception {
        return host.establish(card, ecasd.publicKey());
    }

    private Scp03tHost download(Scp03KeySet keySet) throws Exception {
        return host.download(keySet, storage.sequenceCounter(A).orElseThrow());
    }

    private static EuiccResponse euiccResponse(Scp03tHost session, List<ResponseScript> responses) throws Exception {
        byte[] answer = TestEs8Host.data(responses.getLast());
        return EuiccResponse.decode(session.verifyResponse(answer));
    }

    private static byte[] flipBit(byte[] tlv, int index) {
        byte[] tampered = tlv.clone();
        tampered[index] ^= 0x01;
        return tampered;
    }

    private void assertNothingInstalled() {
        assertThat(storage.state().isdp(A).orElseThrow().lifeCycle()).isEqualTo(LifeCycle.CREATED);
        assertThat(storage.state().isdp(A).orElseThrow().iccid()).isNull();
        assertThat(storage.profile(A)).isEmpty();
    }

    @Test
    void runWhenKeysEstablishedAndProfileDownloadedThenInstalledDisabledAnd87SaysSuccess() throws Exception {
        Scp03KeySet keySet = establish();
        assertThat(storage.sequenceCounter(A)).contains(Scp03SequenceCounter.initial());
        ProfilePackage profile = TestEs8Host.profile(PADDING);
        Scp03tHost session = download(keySet);
        List<byte[]> stream = session.protect(TestEs8Host.encode(profile));
        assertThat(stream).hasSize(2 + 3);

        List<ResponseScript> responses = TestEs8Host.sendStream(card, stream);

        assertThat(euiccResponse(session, responses)).isEqualTo(EuiccResponse.success());
        Isdp installed = storage.state().isdp(A).orElseThrow();
        assertThat(installed.lifeCycle()).isEqualTo(LifeCycle.DISABLED);
        assertThat(installed.iccid()).isEqualTo(TestEs8Host.ICCID.digits());
        assertThat(storage.profile(A)).contains(profile);
        assertThat(storage.sequenceCounter(A)).contains(session.sequenceCounter());
    }

    @Test
    void runWhenBlocksCompleteNoTlvThenTheyAnswer9000WithoutData() throws Exception {
        Scp03tHost session = download(establish());
        List<byte[]> stream = session.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING)));

        ResponseScript response = card.send(new CommandScript(Es8StoreData.sequence(stream)));

        List<ResponseApdu> answers = response.responses();
        assertThat(answers).allSatisfy(r -> assertThat(r.statusWord()).isEqualTo(StatusWord.NO_ERROR));
        assertThat(answers.subList(0, answers.size() - 1))
                .allSatisfy(r -> assertThat(r.data()).isEmpty());
        assertThat(answers.getLast().data()[0]).isEqualTo((byte) 0x87);
    }

    @Test
    void runWhenOneBitOfA86IsFlippedThen6982NothingInstalledAndTheKeySetStillServesANewDownload() throws Exception {
        Scp03KeySet keySet = establish();
        Scp03tHost session = download(keySet);
        List<byte[]> stream = new ArrayList<>(session.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING))));
        stream.set(3, flipBit(stream.get(3), 40));

        List<ResponseScript> responses = TestEs8Host.sendStream(card, stream);

        assertThat(responses.getLast().lastStatusWord()).contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertNothingInstalled();
        Scp03tHost retry = download(keySet);
        assertThat(euiccResponse(
                        retry,
                        TestEs8Host.sendStream(card, retry.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING))))))
                .isEqualTo(EuiccResponse.success());
    }

    @Test
    void runWhenA86IsReplayedThen6982AndNothingInstalled() throws Exception {
        Scp03tHost session = download(establish());
        List<byte[]> stream = new ArrayList<>(session.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING))));
        stream.add(3, stream.get(2));

        List<ResponseScript> responses = TestEs8Host.sendStream(card, stream);

        assertThat(responses.getLast().lastStatusWord()).contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertNothingInstalled();
    }

    @Test
    void runWhenStreamStopsBeforeItsLast86ThenNothingInstalledAndThatSame84IsRefusedLater() throws Exception {
        Scp03KeySet keySet = establish();
        Scp03tHost session = download(keySet);
        List<byte[]> stream = session.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING)));

        List<ResponseScript> truncated = TestEs8Host.sendStream(card, stream.subList(0, stream.size() - 1));

        assertThat(truncated.getLast().lastStatusWord()).contains(StatusWord.NO_ERROR);
        assertNothingInstalled();
        assertThat(storage.sequenceCounter(A)).contains(session.sequenceCounter());
        assertThat(TestEs8Host.send(card, stream.getFirst()).lastStatusWord())
                .contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertThat(TestEs8Host.sendStream(card, stream).getFirst().lastStatusWord())
                .contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertNothingInstalled();
    }

    @Test
    void runWhen3A01CarriesAnSmdpCertificateOfAnotherCiThen6982AndNoKeyEstablishment() {
        HostKeyEstablishment foreign = TestEs8Host.of(FOREIGN).start(ecasd.publicKey());

        ResponseScript response = TestEs8Host.send(card, foreign.certificateTlv());

        assertThat(response.lastStatusWord()).contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertThat(response.responses().getLast().data()).isEmpty();
        assertThat(storage.keySet(A)).isEmpty();
    }

    @Test
    void runWhen3A02SignatureIsAlteredThen6982AndNoKeySet() throws Exception {
        HostKeyEstablishment session = host.start(ecasd.publicKey());
        byte[] challenge = TestEs8Host.data(TestEs8Host.send(card, session.certificateTlv()));
        byte[] keyAgreement = session.keyAgreementTlv(challenge);

        ResponseScript response = TestEs8Host.send(card, flipBit(keyAgreement, keyAgreement.length - 1));

        assertThat(response.lastStatusWord()).contains(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        assertThat(storage.keySet(A)).isEmpty();
        assertThat(storage.writes()).isZero();
    }

    @Test
    void runWhen3A02ComesWithoutA3A01Then6985() throws Exception {
        HostKeyEstablishment session = host.start(ecasd.publicKey());
        byte[] challenge = TestEs8Host.data(TestEs8Host.send(card, session.certificateTlv()));
        byte[] keyAgreement = session.keyAgreementTlv(challenge);
        application.forget(EID, A);

        ResponseScript response = TestEs8Host.send(card, keyAgreement);

        assertThat(response.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(storage.keySet(A)).isEmpty();
    }

    @Test
    void runWhenPackageIsMalformedThen87SaysAbortedAndTheIsdpStaysCreatedWithItsKeySet() throws Exception {
        Scp03tHost session = download(establish());
        byte[] notAPackage = {0x30, 0x03, 0x02, 0x01, 0x01};

        List<ResponseScript> responses = TestEs8Host.sendStream(card, session.protect(notAPackage));

        EuiccResponse result = euiccResponse(session, responses);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.profileInstallationAborted()).isTrue();
        assertThat(result.peStatus().getFirst().code()).contains(PeStatusCode.INVALID_REQUEST_FORMAT);
        assertNothingInstalled();
        assertThat(storage.keySet(A)).isPresent();
    }

    @Test
    void runWhenTheIccidIsOnTheCardAlreadyThen87SaysAbortedAndNothingInstalled() throws Exception {
        Aid other = isdp(0x11);
        storage.state(withIsdp(storage.state(), other, LifeCycle.CREATED, false, 0));
        storage.state(storage.state()
                .with(storage.state().isdp(other).orElseThrow().withProfile(TestEs8Host.ICCID.digits())));
        Scp03tHost session = download(establish());

        List<ResponseScript> responses =
                TestEs8Host.sendStream(card, session.protect(TestEs8Host.encode(TestEs8Host.profile(0))));

        EuiccResponse result = euiccResponse(session, responses);
        assertThat(result.profileInstallationAborted()).isTrue();
        assertThat(result.peStatus().getFirst().code()).contains(PeStatusCode.BAD_VALUES);
        assertNothingInstalled();
    }

    @Test
    void runWhenPackageExceedsTheIsdpQuotaThen6A84AndNothingInstalled() throws Exception {
        storage.state(withIsdp(empty(), A, LifeCycle.CREATED, false, 2048));
        Scp03tHost session = download(establish());

        List<ResponseScript> responses =
                TestEs8Host.sendStream(card, session.protect(TestEs8Host.encode(TestEs8Host.profile(PADDING))));

        assertThat(responses.getLast().lastStatusWord()).contains(StatusWord.NOT_ENOUGH_MEMORY);
        assertNothingInstalled();
    }

    @Test
    void runWhenTheIsdpHoldsAProfileThenKeyEstablishmentAndDownloadAre6985() throws Exception {
        Scp03KeySet keySet = establish();
        storage.state(withIsdp(empty(), A, LifeCycle.DISABLED, false, QUOTA));
        Scp03tHost session = download(keySet);

        ResponseScript keys =
                TestEs8Host.send(card, host.start(ecasd.publicKey()).certificateTlv());
        List<ResponseScript> download =
                TestEs8Host.sendStream(card, session.protect(TestEs8Host.encode(TestEs8Host.profile(0))));

        assertThat(keys.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(download.getFirst().lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(storage.sequenceCounter(A)).contains(Scp03SequenceCounter.initial());
    }

    @Test
    void runWhenNoKeySetWasEstablishedThen84Is6985() throws Exception {
        Scp03KeySet unrelated = new Scp03KeySet(
                0x30,
                io.openrsp.crypto.AesKey.generate(16, random),
                io.openrsp.crypto.AesKey.generate(16, random),
                io.openrsp.crypto.AesKey.generate(16, random));
        Scp03tHost session = host.download(unrelated, Scp03SequenceCounter.initial());

        ResponseScript response = TestEs8Host.send(
                card,
                session.protect(TestEs8Host.encode(TestEs8Host.profile(0))).getFirst());

        assertThat(response.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void runWhenTheIsdpIsDeletedAfterKeyEstablishmentThenARecreatedIsdpHasNoKeySet() throws Exception {
        Scp03KeySet keySet = establish();
        Scp03tHost session = download(keySet);
        storage.delete(A);
        application.forget(EID, A);
        storage.state(withIsdp(storage.state(), A, LifeCycle.CREATED, false, QUOTA));

        ResponseScript response = TestEs8Host.send(
                card,
                session.protect(TestEs8Host.encode(TestEs8Host.profile(0))).getFirst());

        assertThat(response.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(storage.keySet(A)).isEmpty();
    }

    @Test
    void runWhenCommandIsNotStoreDataThen6D00() {
        ResponseScript response = card.send(CommandScript.of(CommandApdu.of(0x80, 0xF2, 0x40, 0x02)));

        assertThat(response.responses()).containsExactly(ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED));
    }

    @Test
    void runWhenASequenceDoesNotStartAtBlockZeroThen6A80() {
        byte[] tlv = host.start(ecasd.publicKey()).certificateTlv();
        List<CommandApdu> sequence = Es8StoreData.sequence(List.of(tlv));

        ResponseScript response = card.send(new CommandScript(sequence.subList(1, sequence.size())));

        assertThat(response.responses()).containsExactly(ResponseApdu.of(StatusWord.WRONG_DATA));
    }

    @Test
    void runWhenTheCiCertificateIsUnreadableThen6F00UntilTheFileAppears(@TempDir Path directory) throws Exception {
        Path ci = directory.resolve("ci.crt");
        application = application(ci);

        ResponseScript missing =
                TestEs8Host.send(card, host.start(ecasd.publicKey()).certificateTlv());
        Files.copy(PKI.file("ci.crt"), ci);
        Scp03KeySet keySet = establish();

        assertThat(missing.lastStatusWord()).contains(StatusWord.NO_PRECISE_DIAGNOSIS);
        assertThat(keySet.kvn()).isEqualTo(0x30);
        assertThat(storage.keySet(A)).isPresent();
    }
}
