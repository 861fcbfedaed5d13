package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.crypto.pki.Role;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Policy;
import io.openrsp.crypto.scp80.Scp80Receiver;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.RetryPolicy;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * DESIGN.md §3.2 end to end without the simulator: a submit makes the SM-SR post a push SMS over mutual TLS to an
 * SMS-C (a JDK HTTPS server with the simulator's certificate), a test card opens the SCP80 packet with its keys,
 * connects where the trigger says with the identity it names, and the session carries the script.
 */
class SmscPushIT {

    private static final ResponseScript OK = ResponseScript.of(ResponseApdu.of(StatusWord.NO_ERROR));
    private static TestPki pki;

    private final FakeCardCredentials credentials = new FakeCardCredentials();
    private final RecordingNotificationHandler notifications = new RecordingNotificationHandler();
    private TestSmsc smsc;
    private Es5Timers timers;
    private Es5Listener listener;
    private CardCommandQueues queues;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create();
    }

    @AfterAll
    static void deletePki() throws IOException {
        pki.delete();
    }

    @BeforeEach
    void start() throws Exception {
        smsc = TestSmsc.start(pki);
        start(smsc.url());
    }

    private void start(URI smscUrl) throws Exception {
        Es5Properties properties = new Es5Properties(
                "127.0.0.1",
                0,
                null,
                0,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                16,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(64),
                3,
                Duration.ofSeconds(10));
        timers = new Es5Timers();
        SecureRandom random = new SecureRandom();
        PushSmsBuilder builder =
                new PushSmsBuilder("127.0.0.1", () -> listener.port(), new RetryPolicy(3, Duration.ofSeconds(10)));
        SmscPushSender sender = new SmscPushSender(
                builder,
                credentials,
                smscUrl,
                Duration.ofSeconds(5),
                SmscPushSender.httpClient(pki.client("sm-sr"), null, null, Duration.ofSeconds(5)));
        queues = new CardCommandQueues(
                sender,
                Clock.systemUTC(),
                properties.pushRetry(),
                timers,
                task -> Thread.ofVirtual().start(task));
        AdminSession.Settings settings = new AdminSession.Settings(
                queues, notifications, random, properties.linger(), Duration.ofSeconds(5), 8192, 65536);
        listener = new Es5Listener(
                properties,
                new JcaTlsCryptoProvider().create(random),
                credentials,
                settings,
                timers,
                new Es5Metrics(new SimpleMeterRegistry()));
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
        timers.close();
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void submitWhenSmscAcceptsThenCardWokenByPushRunsTheScript() throws Exception {
        Eid eid = TestEids.eid(100);
        FakeCardCredentials.Card card = credentials.register(eid);
        CommandScript script = CommandScript.of(IsdRCommands.getStatusAll());

        CompletableFuture<ResponseScript> result =
                queues.submit(eid, Optional.empty(), script, Instant.now().plusSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.delivered.size() == 1);
        Map<String, Object> sms = smsc.delivered.getFirst();
        assertThat(sms).containsEntry("eid", eid.digits()).containsOnlyKeys("eid", "userData");
        assertThat(smsc.callerRoles).containsExactly(Role.SMSR);
        AdminSessionTrigger trigger = AdminSessionTrigger.decode(
                Scp80Receiver.create(card.scp80, Scp80CounterState.initial(), Scp80Policy.ISD_R)
                        .receive(HexFormat.of().parseHex((String) sms.get("userData")))
                        .securedData());
        assertThat(trigger.connection().address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(trigger.connection().port()).isEqualTo(listener.port());

        Notification declaration = new Notification(eid, NotificationType.DECLARATION, Optional.empty(), 1);
        try (TestAdminCard session = TestAdminCard.connect(
                trigger.connection().port(),
                eid,
                trigger.pskIdentity().toTlsIdentity(),
                card.psk,
                TestAdminCard.BOTH_SUITES)) {
            assertThat(session.runSession(List.of(declaration), exchange -> OK)
                            .end()
                            .status())
                    .isEqualTo(204);
        }

        assertThat(result.get()).isEqualTo(OK);
        assertThat(notifications.recorded).containsExactly(declaration);
    }

    @Test
    void submitWhenSmscKnowsNoSuchDeviceThenCardNotReached() {
        smsc.status = 404;
        Eid eid = TestEids.eid(101);
        credentials.register(eid);

        CompletableFuture<ResponseScript> result = queues.submit(
                eid,
                Optional.empty(),
                CommandScript.of(IsdRCommands.getStatusAll()),
                Instant.now().plusSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(result::isDone);
        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("the SMS-C knows no device with this EID");
    }

    @Test
    void submitWhenSmscDownThenPushedAgainAndCardNotReachedAtTheDeadlineWithTheReason() throws Exception {
        stop();
        smsc = null;
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        start(URI.create("https://127.0.0.1:" + closedPort + "/smsc/mt"));
        Eid eid = TestEids.eid(102);
        credentials.register(eid);

        CompletableFuture<ResponseScript> result = queues.submit(
                eid,
                Optional.empty(),
                CommandScript.of(IsdRCommands.getStatusAll()),
                Instant.now().plusSeconds(3));

        // A refused connection may be a restarting SMS-C: the script waits for its deadline, not for the first push.
        assertThat(result).isNotDone();
        await().atMost(Duration.ofSeconds(10)).until(result::isDone);
        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("no answer before the deadline")
                .hasMessageContaining("SMS-C not reachable");
    }

    @Test
    void submitWhenCardNotRegisteredThenCardNotReachedWithoutSms() {
        Eid eid = TestEids.eid(103);

        CompletableFuture<ResponseScript> result = queues.submit(
                eid,
                Optional.empty(),
                CommandScript.of(IsdRCommands.getStatusAll()),
                Instant.now().plusSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(result::isDone);
        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("not registered");
        assertThat(smsc.delivered).isEmpty();
    }
}
