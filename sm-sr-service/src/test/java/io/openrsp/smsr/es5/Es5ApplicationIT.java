package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.pki.Role;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Policy;
import io.openrsp.crypto.scp80.Scp80Receiver;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.es1.RegisterEisIT;
import io.openrsp.smsr.es1.TestEum;
import io.openrsp.smsr.es5.TestAdminCard.Exchange;
import io.openrsp.smsr.es5.TestAdminCard.Transcript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ES5 admin channel inside the whole SM-SR (DESIGN.md §3.2, §4 step 1): a card registered over ES1 is woken by a
 * push SMS to an SMS-C double, opens the SCP80 packet with the keys it unwrapped, and runs the PSK-TLS admin session
 * against the real EIS credentials and notification handler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Es5ApplicationIT {

    private static final TestPki PKI = TestPki.create();
    private static final TestSmsc SMSC = startSmsc();
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int httpsPort;

    @Autowired
    AdminChannel adminChannel;

    @Autowired
    Es5Listener listener;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RegisterEisIT.smsr(registry, PKI);
        registry.add("openrsp.smsc.url", () -> SMSC.url().toString());
        registry.add("openrsp.es5.linger", () -> "100ms");
    }

    @AfterAll
    static void stop() throws Exception {
        SMSC.close();
        PKI.delete();
    }

    private static TestSmsc startSmsc() {
        try {
            return TestSmsc.start(PKI);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void submitWhenRegisteredCardWokenByPushThenSessionConfirmsDeclarationAndRunsScript() throws Exception {
        Registered card = register(TestEids.eid(500));
        CommandScript getStatus = CommandScript.of(IsdRCommands.getStatusAll());
        byte[] noIsdp = GetStatusResponse.encode(List.of());

        CompletableFuture<ResponseScript> result = adminChannel.submit(
                card.eid(), Optional.empty(), getStatus, Instant.now().plusSeconds(20));

        AdminSessionTrigger trigger = awaitPush(card);
        assertThat(trigger.connection().port()).isEqualTo(listener.port());
        Notification declaration = new Notification(card.eid(), NotificationType.DECLARATION, Optional.empty(), 1);
        Transcript transcript;
        try (TestAdminCard session = TestAdminCard.connect(
                trigger.connection().port(),
                card.eid(),
                trigger.pskIdentity().toTlsIdentity(),
                card.psk(),
                TestAdminCard.BOTH_SUITES)) {
            transcript = session.runSession(
                    List.of(declaration),
                    exchange -> exchange.script().equals(getStatus)
                            ? ResponseScript.of(ResponseApdu.of(noIsdp, StatusWord.NO_ERROR))
                            : ResponseScript.of(ResponseApdu.of(StatusWord.NO_ERROR)));
        }

        assertThat(transcript.exchanges())
                .extracting(Exchange::script)
                .containsExactly(CommandScript.of(IsdRCommands.confirmNotification(1)), getStatus);
        assertThat(transcript.end().status()).isEqualTo(204);
        assertThat(result.get().responses().getFirst().data()).isEqualTo(noIsdp);
        assertThat(SMSC.callerRoles).contains(Role.SMSR);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.openConnections() == 0);
    }

    @Test
    void handshakeWhenRegisteredCardUsesWrongPskThenBadRecordMac() throws Exception {
        Registered card = register(TestEids.eid(501));

        assertThatThrownBy(() -> TestAdminCard.connect(listener.port(), card.eid(), new byte[16]))
                .isInstanceOfSatisfying(
                        TlsFatalAlertReceived.class,
                        e -> assertThat(e.getAlertDescription()).isEqualTo(AlertDescription.bad_record_mac));
    }

    @Test
    void handshakeWhenEidNotRegisteredThenUnknownPskIdentity() {
        assertThatThrownBy(() -> TestAdminCard.connect(listener.port(), TestEids.eid(502), new byte[16]))
                .isInstanceOfSatisfying(
                        TlsFatalAlertReceived.class,
                        e -> assertThat(e.getAlertDescription()).isEqualTo(AlertDescription.unknown_psk_identity));
    }

    /** A card registered over ES1, with the keys it unwrapped. */
    private record Registered(Eid eid, CardKeyMaterial keys) {

        byte[] psk() {
            return keys.psk().toByteArray(SecretKeyAccess.get());
        }
    }

    private Registered register(Eid eid) throws Exception {
        TestEum eum = TestEum.from(PKI.file("eum.crt").getParent(), "EUM-1");
        TestEum.Card card = eum.card(eid);
        Es1.RegisterEis.Request request = new Es1.RegisterEis.Request(
                new RequestHeader("EUM-1", UUID.randomUUID().toString()), eum.sign(eum.eis(card)));
        HttpClient client =
                HttpClient.newBuilder().sslContext(PKI.client("eum-client")).build();
        HttpResponse<String> http = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + Es1.RegisterEis.PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EsJson.toJson(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        Es1.RegisterEis.Response response = EsJson.readResponse(http.body(), Es1.RegisterEis.Response.class);
        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        CardKeyMaterial keys = EcasdKeyWrap.unwrap(
                card.ecasdKey(),
                Base64.getDecoder().decode(response.wrappedKeyMaterial()),
                EcasdKeyWrap.sharedInfo(response.smsrId(), eid.toBytes()),
                RANDOM);
        return new Registered(eid, keys);
    }

    private static AdminSessionTrigger awaitPush(Registered card) throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SMSC.delivered.stream()
                        .anyMatch(sms -> card.eid().digits().equals(sms.get("eid"))));
        Map<String, Object> sms = SMSC.delivered.stream()
                .filter(m -> card.eid().digits().equals(m.get("eid")))
                .findFirst()
                .orElseThrow();
        byte[] packet = HexFormat.of().parseHex((String) sms.get("userData"));
        return AdminSessionTrigger.decode(
                Scp80Receiver.create(card.keys().scp80(), Scp80CounterState.initial(), Scp80Policy.ISD_R)
                        .receive(packet)
                        .securedData());
    }
}
