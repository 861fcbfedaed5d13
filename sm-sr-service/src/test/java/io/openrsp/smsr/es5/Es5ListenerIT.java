package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.rsp.apdu.CommandApdu;
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
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.es5.TestAdminCard.Exchange;
import io.openrsp.smsr.es5.TestAdminCard.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The ES5 PSK-TLS listener on real sockets (DESIGN.md §3.2, §9): Bouncy Castle PSK clients play the cards; the EIS and
 * the SMS-C are test doubles.
 */
class Es5ListenerIT {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LINGER = Duration.ofMillis(150);
    private static final ResponseScript OK = ResponseScript.of(ResponseApdu.of(StatusWord.NO_ERROR));

    private final FakeCardCredentials credentials = new FakeCardCredentials();
    private final RecordingNotificationHandler notifications = new RecordingNotificationHandler();
    private final RecordingPushSender network = new RecordingPushSender();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Es5Metrics metrics = new Es5Metrics(registry);
    private Es5Timers timers;
    private CardCommandQueues queues;
    private Es5Listener listener;

    @BeforeEach
    void startListener() {
        start(16);
    }

    @AfterEach
    void stopListener() {
        listener.stop();
        timers.close();
    }

    private void start(int maxSessions) {
        Es5Properties properties = new Es5Properties(
                "127.0.0.1",
                0,
                null,
                0,
                HANDSHAKE_TIMEOUT,
                IDLE_TIMEOUT,
                maxSessions,
                LINGER,
                Duration.ofSeconds(5),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(64),
                3,
                Duration.ofSeconds(10));
        timers = new Es5Timers();
        queues = new CardCommandQueues(
                network,
                Clock.systemUTC(),
                properties.pushRetry(),
                timers,
                task -> Thread.ofVirtual().start(task));
        SecureRandom random = new SecureRandom();
        AdminSession.Settings settings =
                new AdminSession.Settings(queues, notifications, random, LINGER, IDLE_TIMEOUT, 8 * 1024, 64 * 1024);
        listener = new Es5Listener(
                properties, new JcaTlsCryptoProvider().create(random), credentials, settings, timers, metrics);
        listener.start();
    }

    @Test
    void sessionWhenCardNotifiesAndScriptQueuedThenConfirmsFirstThenSendsScriptThenEnds() throws Exception {
        Eid eid = TestEids.eid(1);
        FakeCardCredentials.Card keys = credentials.register(eid);
        CommandScript getStatus = CommandScript.of(IsdRCommands.getStatusAll());
        CompletableFuture<ResponseScript> result = queues.submit(eid, Optional.empty(), getStatus, inSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> network.pushesTo(eid) == 1);
        Notification declaration = new Notification(eid, NotificationType.DECLARATION, Optional.empty(), 7);
        byte[] status =
                GetStatusResponse.encode(List.of(new IsdpStatus(Aid.isdP(Tar.FIRST_ISD_P), LifeCycle.CREATED, false)));

        Transcript transcript;
        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            transcript = card.runSession(
                    List.of(declaration),
                    exchange -> exchange.script().commands().getFirst().equals(IsdRCommands.getStatusAll())
                            ? ResponseScript.of(ResponseApdu.of(status, StatusWord.NO_ERROR))
                            : OK);
            assertThat(card.closedByServer()).isTrue();
        }

        assertThat(notifications.recorded).containsExactly(declaration);
        assertThat(transcript.exchanges())
                .extracting(Exchange::script)
                .containsExactly(CommandScript.of(IsdRCommands.confirmNotification(7)), getStatus);
        assertThat(transcript.exchanges()).allSatisfy(exchange -> {
            assertThat(exchange.nextUri()).matches("/gsma/adminagent/[0-9a-f]{32}/[0-9]+");
            assertThat(exchange.targetedApplication()).isEmpty();
        });
        assertThat(transcript.exchanges().get(0).nextUri())
                .isNotEqualTo(transcript.exchanges().get(1).nextUri());
        assertThat(transcript.end().status()).isEqualTo(204);
        assertThat(transcript.end().header(AdminProtocol.X_ADMIN_PROTOCOL)).contains(AdminProtocol.PROTOCOL);
        assertThat(result.get().responses().getFirst().data()).isEqualTo(status);
        assertThat(metrics.handshakeSuccesses()).isEqualTo(1);
    }

    @Test
    void sessionWhenScriptTargetsIsdpAndCardAnswersUnknownApplicationThenAdminSessionException() throws Exception {
        Eid eid = TestEids.eid(2);
        FakeCardCredentials.Card keys = credentials.register(eid);
        Aid isdp = Aid.isdP(Tar.FIRST_ISD_P);
        CompletableFuture<ResponseScript> result = queues.submit(
                eid,
                Optional.of(isdp),
                CommandScript.of(CommandApdu.of(0x80, 0xE2, 0x91, 0x00, new byte[] {0x01})),
                inSeconds(10));

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            TestAdminCard.Response script = card.open(List.of());
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header(AdminProtocol.X_ADMIN_TARGETED_APPLICATION))
                    .contains(AdminProtocol.targetedApplication(isdp));
            assertThat(script.header("content-type")).contains(AdminProtocol.COMMAND_CONTENT_TYPE);

            TestAdminCard.Response end =
                    card.refuse(Exchange.of(script).nextUri(), AdminProtocol.SCRIPT_STATUS_UNKNOWN_APPLICATION);

            assertThat(end.status()).isEqualTo(204);
        }
        assertThatThrownBy(result::join).cause().isInstanceOfSatisfying(AdminSessionException.class, e -> {
            assertThat(e.reason()).isEqualTo(AdminSessionException.Reason.SCRIPT_STATUS);
            assertThat(e.scriptStatus()).contains("unknown-application");
        });
    }

    @Test
    void sessionWhenScriptSubmittedWhileCardConnectedThenSameSessionCarriesIt() throws Exception {
        Eid eid = TestEids.eid(3);
        FakeCardCredentials.Card keys = credentials.register(eid);
        CompletableFuture<ResponseScript> first =
                queues.submit(eid, Optional.empty(), CommandScript.of(IsdRCommands.getStatusAll()), inSeconds(10));
        List<CompletableFuture<ResponseScript>> later = new ArrayList<>();

        Transcript transcript;
        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            transcript = card.runSession(List.of(), exchange -> {
                if (later.isEmpty()) { // the next ES3 call arrives while the card answers the first
                    later.add(queues.submit(
                            eid,
                            Optional.empty(),
                            CommandScript.of(IsdRCommands.confirmNotification(1)),
                            inSeconds(10)));
                }
                return OK;
            });
        }

        assertThat(transcript.exchanges()).hasSize(2);
        assertThat(first).isCompletedWithValue(OK);
        assertThat(later.getFirst()).isCompletedWithValue(OK);
        assertThat(network.pushes).containsExactly(eid);
    }

    @Test
    void sessionWhenNotificationNotRecordedThenNotConfirmed() throws Exception {
        Eid eid = TestEids.eid(4);
        FakeCardCredentials.Card keys = credentials.register(eid);
        notifications.failing.add(2);
        Notification recorded = new Notification(
                eid, NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(Aid.isdP(Tar.FIRST_ISD_P)), 1);
        Notification failing = new Notification(eid, NotificationType.FALLBACK, Optional.empty(), 2);

        Transcript transcript;
        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            transcript = card.runSession(List.of(recorded, failing), exchange -> OK);
        }

        assertThat(transcript.exchanges())
                .extracting(Exchange::script)
                .containsExactly(CommandScript.of(IsdRCommands.confirmNotification(1)));
        assertThat(notifications.recorded).containsExactly(recorded);
    }

    @Test
    void sessionWhenNothingQueuedThen204AfterLinger() throws Exception {
        Eid eid = TestEids.eid(5);
        FakeCardCredentials.Card keys = credentials.register(eid);

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            assertThat(card.open(List.of()).status()).isEqualTo(204);
            assertThat(card.closedByServer()).isTrue();
        }
    }

    @Test
    void handshakeWhenCbcSuiteOnlyThenSessionWorks() throws Exception {
        Eid eid = TestEids.eid(6);
        FakeCardCredentials.Card keys = credentials.register(eid);

        try (TestAdminCard card = TestAdminCard.connect(
                listener.port(),
                eid,
                PskIdentity.ofIsdR(eid, 0x01, 0x40).toTlsIdentity(),
                keys.psk,
                CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256)) {
            assertThat(card.open(List.of()).status()).isEqualTo(204);
        }
    }

    @Test
    void handshakeWhenWrongPskThenBadRecordMac() {
        Eid eid = TestEids.eid(7);
        credentials.register(eid);
        byte[] wrong = new byte[16];

        assertAlert(() -> TestAdminCard.connect(listener.port(), eid, wrong), AlertDescription.bad_record_mac);
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.handshakeFailures("bad_record_mac") == 1);
    }

    @Test
    void handshakeWhenWrongPskWithCbcSuiteThenBadRecordMac() {
        Eid eid = TestEids.eid(8);
        credentials.register(eid);

        assertAlert(
                () -> TestAdminCard.connect(
                        listener.port(),
                        eid,
                        PskIdentity.ofIsdR(eid, 0x01, 0x40).toTlsIdentity(),
                        new byte[16],
                        CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256),
                AlertDescription.bad_record_mac);
    }

    @Test
    void handshakeWhenEidNotRegisteredThenUnknownPskIdentity() {
        Eid eid = TestEids.eid(9);

        assertAlert(
                () -> TestAdminCard.connect(listener.port(), eid, new byte[16]), AlertDescription.unknown_psk_identity);
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.handshakeFailures("unknown_psk_identity") == 1);
    }

    @Test
    void handshakeWhenKeyVersionNotTheCardsThenUnknownPskIdentity() {
        Eid eid = TestEids.eid(10);
        FakeCardCredentials.Card keys = credentials.register(eid);

        assertAlert(
                () -> TestAdminCard.connect(
                        listener.port(),
                        eid,
                        PskIdentity.ofIsdR(eid, 0x01, 0x41).toTlsIdentity(),
                        keys.psk,
                        TestAdminCard.BOTH_SUITES),
                AlertDescription.unknown_psk_identity);
    }

    @Test
    void handshakeWhenIdentityIsNotSgp02ThenUnknownPskIdentity() {
        Eid eid = TestEids.eid(11);
        FakeCardCredentials.Card keys = credentials.register(eid);

        assertAlert(
                () -> TestAdminCard.connect(
                        listener.port(),
                        eid,
                        "Client_identity".getBytes(StandardCharsets.US_ASCII),
                        keys.psk,
                        TestAdminCard.BOTH_SUITES),
                AlertDescription.unknown_psk_identity);
    }

    @Test
    void handshakeWhenClientOffersOnlyOtherSuitesThenHandshakeFailure() {
        Eid eid = TestEids.eid(12);
        FakeCardCredentials.Card keys = credentials.register(eid);

        assertAlert(
                () -> TestAdminCard.connect(
                        listener.port(),
                        eid,
                        PskIdentity.ofIsdR(eid, 0x01, 0x40).toTlsIdentity(),
                        keys.psk,
                        CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256,
                        CipherSuite.TLS_DHE_PSK_WITH_AES_128_GCM_SHA256),
                AlertDescription.handshake_failure);
    }

    @Test
    void sessionWhenXAdminFromNamesAnotherEidThen403AndClosed() throws Exception {
        Eid eid = TestEids.eid(13);
        FakeCardCredentials.Card keys = credentials.register(eid);

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            var headers = card.adminHeaders();
            headers.put(AdminProtocol.X_ADMIN_FROM, AdminProtocol.from(TestEids.eid(14), Aid.ISD_R));

            assertThat(card.post(AdminProtocol.DEFAULT_ADMIN_URI, headers, new byte[0])
                            .status())
                    .isEqualTo(403);
            assertThat(card.closedByServer()).isTrue();
        }
    }

    @Test
    void sessionWhenResponsePostedToAnotherUriThen400AndScriptFailsMalformed() throws Exception {
        Eid eid = TestEids.eid(15);
        FakeCardCredentials.Card keys = credentials.register(eid);
        CompletableFuture<ResponseScript> result =
                queues.submit(eid, Optional.empty(), CommandScript.of(IsdRCommands.getStatusAll()), inSeconds(10));

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            String nextUri = Exchange.of(card.open(List.of())).nextUri();
            String otherSession = nextUri.replaceFirst("/[0-9a-f]{32}/", "/" + "0".repeat(32) + "/");

            assertThat(card.answer(otherSession, OK).status()).isEqualTo(400);
            assertThat(card.closedByServer()).isTrue();
        }
        assertThatThrownBy(result::join)
                .cause()
                .isInstanceOfSatisfying(
                        AdminSessionException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdminSessionException.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void sessionWhenResponseBodyIsNotAResponseScriptThen400() throws Exception {
        Eid eid = TestEids.eid(16);
        FakeCardCredentials.Card keys = credentials.register(eid);
        CompletableFuture<ResponseScript> result =
                queues.submit(eid, Optional.empty(), CommandScript.of(IsdRCommands.getStatusAll()), inSeconds(10));

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            String nextUri = Exchange.of(card.open(List.of())).nextUri();
            var headers = card.adminHeaders();
            headers.put("Content-Type", AdminProtocol.RESPONSE_CONTENT_TYPE);
            headers.put(AdminProtocol.X_ADMIN_SCRIPT_STATUS, "ok");

            assertThat(card.post(nextUri, headers, new byte[] {(byte) 0xAF, 0x01, 0x00})
                            .status())
                    .isEqualTo(400);
        }
        assertThatThrownBy(result::join).hasCauseInstanceOf(AdminSessionException.class);
    }

    @Test
    void sessionWhenRequestIsNotHttpThen400AndClosed() throws Exception {
        Eid eid = TestEids.eid(17);
        FakeCardCredentials.Card keys = credentials.register(eid);

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            assertThat(card.sendRaw("HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                            .status())
                    .isEqualTo(400);
            assertThat(card.closedByServer()).isTrue();
        }
    }

    @Test
    void sessionWhenFirstRequestIsNotToTheAdminUriThen404() throws Exception {
        Eid eid = TestEids.eid(18);
        FakeCardCredentials.Card keys = credentials.register(eid);

        try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
            assertThat(card.post("/other", card.adminHeaders(), new byte[0]).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void listenerWhenGarbageHalfOpenSlowAndWrongPskConnectionsThenAllClosedAndServiceContinues() throws Exception {
        Eid eid = TestEids.eid(19);
        FakeCardCredentials.Card keys = credentials.register(eid);
        List<Socket> abusers = new ArrayList<>();
        try {
            Socket garbage = rawConnection();
            garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            abusers.add(garbage);
            abusers.add(rawConnection()); // half-open: connects, never speaks
            Socket slow = rawConnection(); // the start of a TLS record, then nothing
            slow.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x00});
            abusers.add(slow);
            Socket halfClosed = rawConnection();
            halfClosed.shutdownOutput();
            abusers.add(halfClosed);
            TestAdminCard idle = TestAdminCard.connect(listener.port(), eid, keys.psk); // handshake, then silence
            for (int i = 0; i < 3; i++) {
                assertAlert(
                        () -> TestAdminCard.connect(listener.port(), eid, new byte[16]),
                        AlertDescription.bad_record_mac);
            }
            assertThat(listener.openConnections()).isPositive();

            await().atMost(IDLE_TIMEOUT.plusSeconds(3)).until(() -> listener.openConnections() == 0);

            for (Socket socket : abusers) {
                assertThat(closedByPeer(socket.getInputStream())).isTrue();
            }
            assertThat(idle.closedByServer()).isTrue();
            idle.close();
            try (TestAdminCard card = TestAdminCard.connect(listener.port(), eid, keys.psk)) {
                assertThat(card.open(List.of()).status()).isEqualTo(204);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> listener.openConnections() == 0);
            assertThat(metrics.handshakeFailures("timeout")).isEqualTo(2); // half-open and slow
            assertThat(metrics.handshakeFailures("bad_record_mac")).isEqualTo(3);
        } finally {
            for (Socket socket : abusers) {
                socket.close();
            }
        }
    }

    @Test
    void listenerWhenMaxSessionsOpenThenFurtherConnectionClosedAtOnce() throws Exception {
        listener.stop();
        timers.close();
        start(2);
        Socket first = rawConnection();
        Socket second = rawConnection();
        await().atMost(Duration.ofSeconds(1)).until(() -> listener.openConnections() == 2);
        try (Socket third = rawConnection()) {
            assertThat(closedByPeer(third.getInputStream())).isTrue();
            assertThat(registry.get("openrsp.es5.connections.rejected")
                            .counter()
                            .count())
                    .isEqualTo(1);
        } finally {
            first.close();
            second.close();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.openConnections() == 0);
    }

    private Socket rawConnection() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static boolean closedByPeer(InputStream in) {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static void assertAlert(ThrowingConnect connect, short alert) {
        assertThatThrownBy(connect::connect)
                .isInstanceOfSatisfying(
                        TlsFatalAlertReceived.class,
                        e -> assertThat(AlertDescription.getText(e.getAlertDescription()))
                                .isEqualTo(AlertDescription.getText(alert)));
    }

    @FunctionalInterface
    private interface ThrowingConnect {
        TestAdminCard connect() throws IOException;
    }

    private static Instant inSeconds(int seconds) {
        return Instant.now().plusSeconds(seconds);
    }
}
