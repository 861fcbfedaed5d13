package io.openrsp.euicc.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.euicc.card.CardView;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.IsdpView;
import io.openrsp.euicc.es5.TestAdminServer.Request;
import io.openrsp.euicc.es5.TestAdminServer.Response;
import io.openrsp.euicc.management.TestSimulatorSettings;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DESIGN.md §3.2 over real sockets: the SM-SR's push SMS goes to the simulator's SMS-C over HTTPS, the card checks it
 * and opens PSK-TLS to an in-test SM-SR side ({@link TestAdminServer}), and runs the GP admin protocol against the
 * real card store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Es5SessionIT {

    private static final TestPki PKI = TestPki.create();
    private static final String NEXT = "/gsma/adminagent/session-1/";
    /** Generous: CI machines run several builds on two cores. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSimulatorSettings.register(registry, PKI);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    Cards cards;

    @Autowired
    AdminAgent agent;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    private final TestCards testCards = new TestCards(PKI);
    private TestAdminServer server;
    private HttpClient smsr;
    private TestCards.RegisteredCard card;

    @BeforeEach
    void setUp() throws Exception {
        server = new TestAdminServer();
        smsr = HttpClient.newBuilder()
                .sslContext(PKI.client("sm-sr"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        card = testCards.register(cards);
        server.addKey(card.identity().encode(), card.material().psk().toByteArray(SecretKeyAccess.get()));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        smsr.close();
    }

    private HttpResponse<String> submit(byte[] packet) throws Exception {
        String json = "{\"eid\":\"" + card.eid() + "\",\"userData\":\""
                + HexFormat.of().formatHex(packet) + "\"}";
        return smsr.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/smsc/mt"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Response script(int exchange, Optional<Aid> target, CommandScript script) {
        return Response.script(
                NEXT + exchange,
                script.encode(ScriptForm.INDEFINITE),
                target.map(aid -> Map.of(
                                AdminProtocol.X_ADMIN_TARGETED_APPLICATION, AdminProtocol.targetedApplication(aid)))
                        .orElse(Map.of()));
    }

    private static List<Notification> notifications(Request request) {
        return Notification.decodeAll(request.body());
    }

    private double count(String name, String outcome) {
        Counter counter = meters.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long sessions(String outcome) {
        Timer timer =
                meters.find("openrsp.euicc.es5.session").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private void awaitIdle() {
        await().atMost(WAIT).until(() -> !agent.inSession(card.eid()));
    }

    @Test
    void pushSmsWhenTriggerValidThenCardSendsDeclarationRunsScriptsAndClosesAfter204() throws Exception {
        server.handler((session, exchange, request) -> switch (exchange) {
            case 0 ->
                script(
                        0,
                        Optional.empty(),
                        CommandScript.of(
                                IsdRCommands.confirmNotification(
                                        notifications(request).getFirst().sequenceNumber()),
                                IsdRCommands.getStatusAll()));
            default -> Response.end();
        });

        HttpResponse<String> accepted = submit(card.pushSms(server.port()));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).matches("\\{\"messageId\":\"[0-9a-f-]{36}\"}");
        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 1 && server.sessions().getFirst().ended);
        TestAdminServer.Session session = server.sessions().getFirst();
        assertThat(session.closedWithCloseNotify).isTrue();
        assertThat(session.requests).hasSize(2);
        Request first = session.requests.getFirst();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.uri()).isEqualTo("/gsma/adminagent");
        assertThat(first.header("X-Admin-Protocol")).contains(AdminProtocol.PROTOCOL);
        assertThat(first.header("X-Admin-From")).contains(AdminProtocol.from(card.eid(), Aid.ISD_R));
        assertThat(first.header("Content-Type")).contains(AdminProtocol.RESPONSE_CONTENT_TYPE);
        assertThat(notifications(first))
                .singleElement()
                .satisfies(n -> assertThat(n.type()).isEqualTo(NotificationType.DECLARATION))
                .satisfies(n -> assertThat(n.eid()).isEqualTo(card.eid()));
        Request second = session.requests.get(1);
        assertThat(second.uri()).isEqualTo(NEXT + 0);
        assertThat(second.header("X-Admin-Script-Status")).contains("ok");
        ResponseScript response = ResponseScript.decode(second.body());
        assertThat(response.executedCommands()).isEqualTo(2);
        assertThat(response.allSucceeded()).isTrue();
        assertThat(GetStatusResponse.decode(response.responses().get(1).data())).isEmpty();
        awaitIdle();
        assertThat(cards.pendingNotifications(card.eid())).isEmpty();
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void sessionWhenCardEnablesProfileThenFollowUpSessionDeliversProfileChangeNotification() throws Exception {
        Aid isdp = Aid.isdP(Tar.of(0x000010));
        // Stands in for issue 5's profile download: an ISD-P holding an installed, disabled profile.
        jdbc.sql("INSERT INTO isdp (eid, aid, life_cycle, fallback, memory_quota, iccid, created_at)"
                        + " VALUES (?, ?, 'DISABLED', FALSE, 1000, '8901000000000000001', ?)")
                .params(card.eid().digits(), isdp.toString(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        server.handler((session, exchange, request) -> {
            if (exchange > 0) {
                return Response.end();
            }
            int seq = notifications(request).getLast().sequenceNumber();
            return session == 0
                    ? script(
                            0,
                            Optional.empty(),
                            CommandScript.of(IsdRCommands.confirmNotification(seq), IsdRCommands.enableProfile(isdp)))
                    : script(0, Optional.empty(), CommandScript.of(IsdRCommands.confirmNotification(seq)));
        });

        submit(card.pushSms(server.port()));

        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 2 && server.sessions().get(1).ended);
        awaitIdle();
        assertThat(server.sessions()).hasSize(2);
        assertThat(ResponseScript.decode(
                                server.sessions().getFirst().requests.get(1).body())
                        .allSucceeded())
                .isTrue();
        assertThat(notifications(server.sessions().get(1).requests.getFirst()))
                .singleElement()
                .satisfies(n -> assertThat(n.type()).isEqualTo(NotificationType.PROFILE_CHANGE_SUCCEEDED))
                .satisfies(n -> assertThat(n.isdp()).contains(isdp));
        assertThat(cards.pendingNotifications(card.eid())).isEmpty();
        CardView view = cards.view(card.eid()).orElseThrow();
        assertThat(view.isdps()).extracting(IsdpView::lifeCycle).containsExactly("Enabled");
    }

    @Test
    void sessionWhenScriptTargetsApplicationNotOnCardThenUnknownApplicationWithEmptyBody() throws Exception {
        Aid missing = Aid.isdP(Tar.of(0x0000AA));
        server.handler((session, exchange, request) -> exchange == 0
                ? script(0, Optional.of(missing), CommandScript.of(IsdRCommands.getStatusAll()))
                : Response.end());

        submit(card.pushSms(server.port()));

        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 1 && server.sessions().getFirst().ended);
        Request answer = server.sessions().getFirst().requests.get(1);
        assertThat(answer.header("X-Admin-Script-Status")).contains("unknown-application");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void sessionWhenEnablingIsdpWithoutProfileThenCardAnswers6985() throws Exception {
        Aid isdp = Aid.isdP(Tar.of(0x000011));
        server.handler((session, exchange, request) -> switch (exchange) {
            case 0 ->
                script(
                        0,
                        Optional.empty(),
                        CommandScript.of(IsdRCommands.createIsdp(isdp, 4096), IsdRCommands.enableProfile(isdp)));
            default -> Response.end();
        });

        submit(card.pushSms(server.port()));

        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 1 && server.sessions().getFirst().ended);
        ResponseScript response = ResponseScript.decode(
                server.sessions().getFirst().requests.get(1).body());
        assertThat(response.executedCommands()).isEqualTo(2);
        assertThat(response.lastStatusWord()).contains(StatusWord.CONDITIONS_NOT_SATISFIED);
        assertThat(cards.view(card.eid()).orElseThrow().isdps())
                .extracting(IsdpView::lifeCycle)
                .containsExactly("Created");
    }

    @Test
    void pushSmsWhenReplayedThenSecondIsIgnored() throws Exception {
        byte[] packet = card.pushSms(server.port());
        double ignored = count("openrsp.euicc.push", "ignored");
        submit(packet);
        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 1 && server.sessions().getFirst().ended);
        awaitIdle();

        submit(packet);

        await().atMost(WAIT).until(() -> count("openrsp.euicc.push", "ignored") == ignored + 1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void pushSmsWhenTamperedThenIgnoredAndNoSession() throws Exception {
        byte[] packet = card.pushSms(server.port());
        packet[packet.length - 1] ^= 0x01;
        double ignored = count("openrsp.euicc.push", "ignored");

        assertThat(submit(packet).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> count("openrsp.euicc.push", "ignored") == ignored + 1);
        assertThat(server.connections()).isZero();
    }

    @Test
    void pushSmsWhenCardUnreachableThenDroppedAndNoSession() throws Exception {
        cards.setReachable(card.eid(), false);
        double dropped = count("openrsp.smsc.messages", "dropped");

        assertThat(submit(card.pushSms(server.port())).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> count("openrsp.smsc.messages", "dropped") == dropped + 1);
        assertThat(server.connections()).isZero();
    }

    @Test
    void pushSmsWhenServerHasAnotherKeyThenHandshakeFailsWithBadRecordMac() throws Exception {
        server.addKey(card.identity().encode(), new byte[16]);
        long failed = sessions("handshake_failed");

        submit(card.pushSms(server.port()));

        await().atMost(WAIT).until(() -> sessions("handshake_failed") == failed + 1);
        assertThat(server.sessions()).singleElement().satisfies(s -> {
            assertThat(s.handshakeAlert).isEqualTo("bad_record_mac");
            assertThat(s.requests).isEmpty();
        });
    }

    @Test
    void pushSmsWhenServerDoesNotKnowIdentityThenHandshakeFailsWithUnknownPskIdentity() throws Exception {
        try (TestAdminServer stranger = new TestAdminServer()) {
            long failed = sessions("handshake_failed");

            submit(card.pushSms(stranger.port()));

            await().atMost(WAIT).until(() -> sessions("handshake_failed") == failed + 1);
            assertThat(stranger.sessions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.handshakeAlert).isEqualTo("unknown_psk_identity"));
        }
    }

    @Test
    void pushSmsWhenSessionAlreadyRunningThenNextSessionOnlyAfterIt() throws Exception {
        double accepted = count("openrsp.euicc.push", "accepted");
        server.handler((session, exchange, request) -> {
            if (session == 0 && exchange == 0) {
                // Hold the first session until the second trigger reached the card.
                await().atMost(WAIT).until(() -> count("openrsp.euicc.push", "accepted") == accepted + 2);
            }
            return Response.end();
        });

        submit(card.pushSms(server.port()));
        await().atMost(WAIT).until(() -> server.connections() == 1);
        submit(card.pushSms(server.port()));

        await().atMost(WAIT)
                .until(() -> server.sessions().size() == 2 && server.sessions().get(1).ended);
        awaitIdle();
        assertThat(server.sessions()).hasSize(2);
        assertThat(server.maxConcurrentConnections()).isEqualTo(1);
    }
}
