package io.openrsp.smdp.es8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tCard;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es8.CardKeyEstablishment;
import io.openrsp.rsp.es8.Es8FormatException;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.Es8Tags;
import io.openrsp.rsp.es8.KeyEstablishmentRefusal;
import io.openrsp.rsp.es8.StoreDataAssembler;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import io.openrsp.smdp.TestHttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link Es8Host} from the Spring context, over real TLS, against an in-test SM-SR (a JDK HTTPS server with the sm-sr
 * certificate) that hands each SendData script to a card built from the shipped card-side pieces: {@link
 * StoreDataAssembler}, {@link CardKeyEstablishment} (holding SK.ECASD, trusting a CI) and {@link Scp03tCard}. The EUM
 * of the test PKI makes the cards; the foreign PKI supplies a CI and an EUM the SM-DP does not trust.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class Es8HostIT {

    private static final Aid ISDP = Aid.fromHex("A0000005591010FFFFFFFF8900001000");
    private static final TestPki PKI = TestPki.create();
    private static final Path FOREIGN = PKI.file("ci.crt").getParent().resolveSibling("foreign");
    private static final FakeSmSr SM_SR = FakeSmSr.start(PKI);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int VALIDITY = 30;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Es8Host host;

    @Autowired
    MeterRegistry meters;

    /** The fake SM-SR keeps every call id, as the real one does: each test (a new instance) has its own prefix. */
    private final String prefix = "t" + SERIAL.incrementAndGet() + "-";

    private final AtomicInteger calls = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sm-dp-es8-host;DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + SM_SR.port());
        registry.add("openrsp.smdp.es8.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.smdp.es8.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add("openrsp.smdp.es8.ci-certificate", () -> PKI.file("ci.crt").toString());
        registry.add(
                "openrsp.smdp.es8.eum-certificates[0]",
                () -> PKI.file("eum.crt").toString());
    }

    @AfterAll
    static void stop() throws IOException {
        SM_SR.stop();
        PKI.delete();
    }

    /** Deterministic call ids, as the order runner supplies them. */
    private Supplier<String> ids() {
        return () -> prefix + "es8-call-" + calls.incrementAndGet();
    }

    @Test
    void establishKeySetAndDownloadProfileWhenCardIsGenuineThenSuccessAndCardHoldsExactlyThePackage() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        byte[] profilePackage = new byte[60_000]; // more than one 200-block sequence of 255 bytes
        RANDOM.nextBytes(profilePackage);

        DistributionSummary scp03tBytes = meters.get(Es8Host.SCP03T_BYTES).summary();
        long downloadsBefore = scp03tBytes.count();
        double bytesBefore = scp03tBytes.totalAmount();

        EstablishedKeySet keys = host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY);
        EuiccResponse response = host.downloadProfile(card.eid, ISDP, keys, profilePackage, ids(), VALIDITY);

        assertThat(response.isSuccess()).isTrue();
        assertThat(card.installed()).isEqualTo(profilePackage);
        List<Es3.SendData.Request> sent = SM_SR.requests(prefix);
        // the download's STORE DATA blocks (after the two key establishment calls) carry the SCP03t stream exactly
        long streamBytes = sent.subList(2, sent.size()).stream()
                .flatMap(r -> CommandScript.decode(HexFormat.of().parseHex(r.data())).commands().stream())
                .mapToLong(apdu -> apdu.data().length)
                .sum();
        assertThat(streamBytes).isGreaterThan(profilePackage.length);
        assertThat(scp03tBytes.count()).isEqualTo(downloadsBefore + 1);
        assertThat(scp03tBytes.totalAmount() - bytesBefore).isEqualTo((double) streamBytes);
        assertThat(scp03tBytes.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(sent)
                .extracting(r -> r.header().functionCallIdentifier())
                .containsExactly(
                        prefix + "es8-call-1", prefix + "es8-call-2", prefix + "es8-call-3", prefix + "es8-call-4");
        assertThat(sent).extracting(Es3.SendData.Request::moreToDo).containsExactly(true, true, true, false);
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.eid()).isEqualTo(card.eid.digits());
            assertThat(r.isdpAid()).isEqualTo(ISDP.toString());
            assertThat(r.validityPeriod()).isEqualTo(VALIDITY);
            assertThat(r.header().functionRequesterIdentifier()).isEqualTo("SM-DP-1");
        });
        assertThat(keys.toString()).isEqualTo("EstablishedKeySet[kvn=30, keys redacted]");
    }

    @Test
    void downloadProfileWhenSecondAttemptOnSameKeysThenCardAcceptsTheHigherCounter() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        EstablishedKeySet keys = host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY);
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6, 7};

        host.downloadProfile(card.eid, ISDP, keys, first, ids(), VALIDITY);
        card.resetInstalled();
        EuiccResponse response = host.downloadProfile(card.eid, ISDP, keys, second, ids(), VALIDITY);

        assertThat(response.isSuccess()).isTrue();
        assertThat(card.installed()).isEqualTo(second);
    }

    @Test
    void establishKeySetWhenEisNamesAnEumNotConfiguredThenUnknownEumAndNothingSent() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-9"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.UNKNOWN_EUM);
                    assertThat(e.getMessage()).contains("EUM-9");
                });
        assertThat(SM_SR.requests(prefix)).isEmpty();
    }

    @Test
    void establishKeySetWhenEcasdCertificateIssuedByAnotherEumThenEcasdCertificateInvalid() throws Exception {
        Eid eid = newEid();
        TestEum.Card foreign = TestEum.from(FOREIGN).card(eid); // an EUM also named EUM-1, under another CI
        FakeCard card = SM_SR.insert(new FakeCard(eid, foreign, trust(PKI.file("ci.crt"))));

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.ECASD_CERTIFICATE_INVALID);
                    assertThat(e.getMessage()).startsWith("ECASD certificate not valid under EUM-1");
                });
        assertThat(SM_SR.requests(prefix)).isEmpty();
    }

    @Test
    void establishKeySetWhenEcasdCertificateNamesAnotherEidThenEcasdCertificateInvalid() throws Exception {
        Eid eid = newEid();
        TestEum.Card other = TestEum.from(PKI.file("eum.crt").getParent()).card(eid, newEid());
        FakeCard card = SM_SR.insert(new FakeCard(eid, other, trust(PKI.file("ci.crt"))));

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.ECASD_CERTIFICATE_INVALID);
                    assertThat(e.getMessage()).contains("another EID");
                });
    }

    @Test
    void establishKeySetWhenCardDoesNotTrustTheSmDpCertificateThenCardRefusedWithSw6982() throws Exception {
        // the card's CI is the foreign one: it answers 6982 to 3A01
        FakeCard card = SM_SR.insert(FakeCard.trusting(FOREIGN.resolve("ci.crt"), newEid()));

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.CARD_REFUSED);
                    assertThat(e.getMessage()).startsWith("the card refused the SM-DP certificate (SW 6982)");
                });
        assertThat(SM_SR.requests(prefix)).hasSize(1);
    }

    @Test
    void establishKeySetWhenReceiptFlippedThenReceiptInvalid() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        card.tamper = Tamper.RECEIPT;

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.RECEIPT_INVALID);
                    assertThat(e.getMessage()).isEqualTo("receipt does not verify");
                });
    }

    @Test
    void downloadProfileWhenRMacOfTheAnswerFlippedThenResponseInvalid() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        EstablishedKeySet keys = host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY);
        card.tamper = Tamper.R_MAC;

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.downloadProfile(card.eid, ISDP, keys, new byte[] {1, 2, 3}, ids(), VALIDITY))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Es8Exception.Reason.RESPONSE_INVALID));
    }

    @Test
    void downloadProfileWhenASegmentIsAlteredOnTheWayThenCardRefusedNamingSwAndCommand() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        EstablishedKeySet keys = host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY);
        card.tamper = Tamper.LAST_COMMAND;

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.downloadProfile(card.eid, ISDP, keys, new byte[600], ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.CARD_REFUSED);
                    int blocks = CommandScript.decode(HexFormat.of()
                                    .parseHex(SM_SR.requests(prefix).getLast().data()))
                            .size();
                    assertThat(e.getMessage())
                            .contains("SW 6982")
                            .contains("command " + blocks + " of " + blocks + " in sequence 1 of 1");
                });
        assertThat(card.installed()).isEmpty();
    }

    @Test
    void establishKeySetWhenSmSrAnswersFailedThenEs3FailedWithItsStatusCode() throws Exception {
        FakeCard card = SM_SR.insert(FakeCard.trusting(PKI.file("ci.crt"), newEid()));
        card.tamper = Tamper.SM_SR_FAILED;

        assertThatExceptionOfType(Es8Exception.class)
                .isThrownBy(() -> host.establishKeySet(card.eis("EUM-1"), ISDP, ids(), VALIDITY))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es8Exception.Reason.ES3_FAILED);
                    assertThat(e.statusCodeData()).contains(FakeSmSr.UNKNOWN_ISDP);
                });
    }

    private static Eid newEid() {
        StringBuilder digits = new StringBuilder("890490320000000000");
        while (digits.length() < 30) {
            digits.append(RANDOM.nextInt(10));
        }
        return Eid.withCheckDigits(digits.toString());
    }

    private static CertificatePaths trust(Path ci) throws Exception {
        return CertificatePaths.trusting(
                Pem.readCertificate(Files.readString(ci, StandardCharsets.US_ASCII)), Clock.systemUTC());
    }

    /** What the fake card or SM-SR does wrong. */
    enum Tamper {
        NONE,
        /** Flips a bit of the receipt in the answer to 3A02. */
        RECEIPT,
        /** Flips a bit of the R-MAC at the end of the 87 answer. */
        R_MAC,
        /** Flips a bit of the last STORE DATA block of a download before the card sees it. */
        LAST_COMMAND,
        /** The SM-SR answers Failed without reaching the card. */
        SM_SR_FAILED
    }

    /** An ISD-P on a card: the shipped card-side ES8 pieces behind the STORE DATA interface. */
    static final class FakeCard {

        final Eid eid;
        final TestEum.Card made;
        private final CertificatePaths trust;
        private final StoreDataAssembler assembler = new StoreDataAssembler();
        private final ByteArrayOutputStream installed = new ByteArrayOutputStream();
        volatile Tamper tamper = Tamper.NONE;
        private CardKeyEstablishment establishment;
        private Scp03tCard session;
        private Scp03KeySet keySet;
        private Scp03SequenceCounter lastAccepted = Scp03SequenceCounter.initial();

        FakeCard(Eid eid, TestEum.Card made, CertificatePaths trust) {
            this.eid = eid;
            this.made = made;
            this.trust = trust;
        }

        static FakeCard trusting(Path ci, Eid eid) throws Exception {
            return new FakeCard(
                    eid, TestEum.from(PKI.file("eum.crt").getParent()).card(eid), trust(ci));
        }

        Eis eis(String eumId) throws Exception {
            return TestEum.eis(made, eumId);
        }

        synchronized byte[] installed() {
            return installed.toByteArray();
        }

        synchronized void resetInstalled() {
            installed.reset();
        }

        /** Runs the script as the card does: in order, stopping at the first status word other than 9000. */
        synchronized ResponseScript run(CommandScript script) {
            List<ResponseApdu> responses = new ArrayList<>();
            List<CommandApdu> commands = script.commands();
            for (int i = 0; i < commands.size(); i++) {
                CommandApdu command = commands.get(i);
                if (tamper == Tamper.LAST_COMMAND && i == commands.size() - 1) {
                    byte[] data = command.data();
                    data[data.length - 1] ^= 0x01;
                    command = CommandApdu.of(command.cla(), command.ins(), command.p1(), command.p2(), data);
                }
                ResponseApdu response = execute(command);
                responses.add(response);
                if (!response.statusWord().equals(StatusWord.NO_ERROR)) {
                    break;
                }
            }
            return new ResponseScript(responses);
        }

        private ResponseApdu execute(CommandApdu command) {
            if (!Es8StoreData.isStoreData(command)) {
                return ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
            }
            try {
                byte[] answer = new byte[0];
                for (byte[] tlv : assembler.accept(command)) {
                    answer = process(tlv);
                }
                return ResponseApdu.of(answer, StatusWord.NO_ERROR);
            } catch (Es8FormatException e) {
                return ResponseApdu.of(StatusWord.WRONG_DATA);
            } catch (KeyEstablishmentRefusal e) {
                return ResponseApdu.of(e.statusWord());
            } catch (CryptoException e) {
                // a MAC or sequence failure kills the session and drops what was partly installed
                session = null;
                installed.reset();
                assembler.reset();
                return ResponseApdu.of(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
            }
        }

        private byte[] process(byte[] tlv) throws Es8FormatException, KeyEstablishmentRefusal, CryptoException {
            int tag = Es8Tags.tagOf(tlv);
            if (tag == Es8Tags.CERTIFICATE) {
                establishment = CardKeyEstablishment.start(trust, made.ecasdKey(), RANDOM);
                return establishment.acceptCertificate(tlv);
            }
            if (tag == Es8Tags.KEY_AGREEMENT) {
                if (establishment == null) {
                    throw new KeyEstablishmentRefusal(KeyEstablishmentRefusal.Reason.SEQUENCE, "no 3A01 before");
                }
                CardKeyEstablishment.Result result = establishment.acceptKeyAgreement(tlv);
                keySet = result.keySet();
                lastAccepted = Scp03SequenceCounter.initial();
                byte[] answer = result.answer();
                if (tamper == Tamper.RECEIPT) {
                    answer[answer.length - 1] ^= 0x01;
                }
                return answer;
            }
            if (tag == Es8Tags.SCP03T_INITIALIZE_UPDATE) {
                if (keySet == null) {
                    throw new KeyEstablishmentRefusal(KeyEstablishmentRefusal.Reason.SEQUENCE, "no key set");
                }
                session = Scp03tCard.start(keySet, lastAccepted);
            }
            if (session == null) {
                throw new KeyEstablishmentRefusal(KeyEstablishmentRefusal.Reason.SEQUENCE, "no SCP03t session");
            }
            installed.writeBytes(session.accept(tlv));
            if (tag == Es8Tags.SCP03T_INITIALIZE_UPDATE) {
                lastAccepted = session.sequenceCounter();
            }
            if (!session.isComplete()) {
                return new byte[0];
            }
            session.finish();
            byte[] answer = session.respond(EuiccResponse.success().encode());
            session = null;
            if (tamper == Tamper.R_MAC) {
                answer[answer.length - 1] ^= 0x01;
            }
            return answer;
        }
    }

    /** The in-test SM-SR: SendData to the card of the request's EID, recorded by call id. */
    static final class FakeSmSr {

        static final StatusCodeData UNKNOWN_ISDP =
                new StatusCodeData(SubjectCode.ISD_P, ReasonCode.UNKNOWN, ISDP.toString(), "no such ISD-P");

        private final Map<String, FakeCard> cards = new ConcurrentHashMap<>();
        private final List<Es3.SendData.Request> requests = new CopyOnWriteArrayList<>();
        private final TestHttpsServer server;

        private FakeSmSr(TestPki pki) {
            this.server = TestHttpsServer.start(pki, "sm-sr", Es3.SendData.PATH, this::handle);
        }

        static FakeSmSr start(TestPki pki) {
            return new FakeSmSr(pki);
        }

        int port() {
            return server.port();
        }

        FakeCard insert(FakeCard card) {
            cards.put(card.eid.digits(), card);
            return card;
        }

        /** The SendData requests whose call id starts with {@code prefix}, in arrival order. */
        List<Es3.SendData.Request> requests(String prefix) {
            return requests.stream()
                    .filter(r -> r.header().functionCallIdentifier().startsWith(prefix))
                    .toList();
        }

        void stop() {
            server.stop();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                var request = EsJson.readRequest(in.readAllBytes(), Es3.SendData.Request.class);
                requests.add(request);
                FakeCard card = cards.get(request.eid());
                Es3.SendData.Response response;
                if (card == null || card.tamper == Tamper.SM_SR_FAILED) {
                    response = new Es3.SendData.Response(ResponseHeader.failed(UNKNOWN_ISDP), null);
                } else {
                    ResponseScript answer =
                            card.run(CommandScript.decode(HexFormat.of().parseHex(request.data())));
                    response = new Es3.SendData.Response(
                            ResponseHeader.success(), HexFormat.of().formatHex(answer.encode(ScriptForm.INDEFINITE)));
                }
                TestHttpsServer.reply(exchange, 200, "application/json", EsJson.toJson(response));
            }
        }
    }
}
