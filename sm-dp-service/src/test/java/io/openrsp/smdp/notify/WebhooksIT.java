package io.openrsp.smdp.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.es2.TestOrders;
import io.openrsp.smdp.order.FailureReason;
import io.openrsp.smdp.order.OrderEnded;
import io.openrsp.smdp.order.OrderState;
import io.openrsp.smdp.order.OrderView;
import io.openrsp.smdp.order.StepName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Operator webhooks end to end over real HTTPS: the SM-SR's ES3 profile change notifications (sm-sr client
 * certificate) and order outcomes ({@link OrderEnded}) become events posted to an in-test operator webhook
 * ({@link WebhookReceiver}) with the SM-DP certificate; a receiver that is down gets the configured retries and the
 * event is counted as failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhooksIT {

    private static final TestPki PKI = TestPki.create();
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start(PKI);
    private static final String OK_HOOK = "/hooks/ok/operator-1";
    private static final String DOWN_HOOK = "/hooks/down/operator-2";
    private static final String SM_SR = "SM-SR-1"; // the CN of TestPki's sm-sr certificate
    private static final int RETRIES = 3;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        registry.add("openrsp.smdp.webhooks.urls[Operator-1]", () -> RECEIVER.url(OK_HOOK));
        registry.add("openrsp.smdp.webhooks.urls[Operator-2]", () -> RECEIVER.url(DOWN_HOOK));
        registry.add("openrsp.smdp.webhooks.retries", () -> String.valueOf(RETRIES));
        registry.add("openrsp.smdp.webhooks.backoff", () -> "50ms");
        registry.add("openrsp.smdp.webhooks.timeout", () -> "5s");
    }

    @AfterAll
    static void stop() throws Exception {
        RECEIVER.stop();
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MeterRegistry meters;

    private HttpResponse<String> post(SSLContext tls, String path, EsRequest request) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(EsJson.toJson(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> smSr(String path, EsRequest request) throws Exception {
        return post(PKI.client("sm-sr"), path, request);
    }

    private static RequestHeader smSrHeader() {
        return new RequestHeader(SM_SR, UUID.randomUUID().toString());
    }

    private static List<JsonNode> hooksFor(String path, Iccid iccid) {
        return RECEIVER.received(path).stream()
                .filter(r -> r.body().path("iccid").asString().equals(iccid.digits()))
                .map(WebhookReceiver.Received::body)
                .toList();
    }

    private double deliveries(String outcome, String event) {
        Counter counter = meters.find(WebhookNotifier.DELIVERIES)
                .tags("outcome", outcome, "event", event)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static OrderView order(String operator, Eid eid, Iccid iccid, OrderState state, OrderView.Failure failure) {
        Instant created = Instant.parse("2025-03-01T10:00:00Z");
        return new OrderView(
                UUID.randomUUID().toString(),
                operator,
                eid.digits(),
                iccid.digits(),
                "test",
                true,
                state,
                created,
                created.plusSeconds(2),
                null,
                List.of(),
                failure);
    }

    @Test
    void profileEnabledNotificationWhenOperatorsProfileThenSuccessAndWebhookGetsProfileEnabled() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        new TestOrders(jdbc).completed("Operator-1", eid, iccid);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double delivered = deliveries("delivered", "profile.enabled");

        HttpResponse<String> response = smSr(
                Es3.HandleProfileEnabledNotification.PATH,
                new Es3.HandleProfileEnabledNotification.Request(smSrHeader(), eid.digits(), iccid.digits(), at));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EsJson.readResponse(response.body(), Es3.HandleProfileEnabledNotification.Response.class)
                        .header())
                .isEqualTo(ResponseHeader.success());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !hooksFor(OK_HOOK, iccid).isEmpty());
        WebhookReceiver.Received hook = RECEIVER.received(OK_HOOK).stream()
                .filter(r -> r.body().path("iccid").asString().equals(iccid.digits()))
                .findFirst()
                .orElseThrow();
        assertThat(hook.fromSmDp()).isTrue();
        assertThat(hook.contentType()).isEqualTo("application/json");
        assertThat(hook.body().propertyNames())
                .containsExactly("event", "eid", "iccid", "timestamp"); // no orderId, no failure
        assertThat(hook.body().path("event").asString()).isEqualTo("profile.enabled");
        assertThat(hook.body().path("eid").asString()).isEqualTo(eid.digits());
        assertThat(Instant.parse(hook.body().path("timestamp").asString())).isEqualTo(at);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("delivered", "profile.enabled") == delivered + 1);
    }

    @Test
    void disabledAndDeletedNotificationsWhenOperatorsProfileThenWebhookGetsMatchingEvents() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        new TestOrders(jdbc).completed("Operator-1", eid, iccid);
        Instant at = Instant.now();

        HttpResponse<String> disabled = smSr(
                Es3.HandleProfileDisabledNotification.PATH,
                new Es3.HandleProfileDisabledNotification.Request(smSrHeader(), eid.digits(), iccid.digits(), at));
        HttpResponse<String> deleted = smSr(
                Es3.HandleProfileDeletedNotification.PATH,
                new Es3.HandleProfileDeletedNotification.Request(smSrHeader(), eid.digits(), iccid.digits(), at));

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(deleted.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hooksFor(OK_HOOK, iccid).size() == 2);
        assertThat(hooksFor(OK_HOOK, iccid).stream()
                        .map(body -> body.path("event").asString())
                        .toList())
                .containsExactlyInAnyOrder("profile.disabled", "profile.deleted");
    }

    @Test
    void notificationWhenNoOrderInstalledIccidThenSuccessAndNothingForwarded() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid unknown = TestOrders.newIccid();
        Iccid known = TestOrders.newIccid();
        new TestOrders(jdbc).completed("Operator-1", eid, known);

        HttpResponse<String> response = smSr(
                Es3.HandleProfileEnabledNotification.PATH,
                new Es3.HandleProfileEnabledNotification.Request(
                        smSrHeader(), eid.digits(), unknown.digits(), Instant.now()));
        // a known one after it: once it has arrived, the unknown one would have too
        smSr(
                Es3.HandleProfileEnabledNotification.PATH,
                new Es3.HandleProfileEnabledNotification.Request(
                        smSrHeader(), eid.digits(), known.digits(), Instant.now()));

        assertThat(EsJson.readResponse(response.body(), Es3.HandleProfileEnabledNotification.Response.class)
                        .header())
                .isEqualTo(ResponseHeader.success());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !hooksFor(OK_HOOK, known).isEmpty());
        assertThat(hooksFor(OK_HOOK, unknown)).isEmpty();
        assertThat(hooksFor(DOWN_HOOK, unknown)).isEmpty();
    }

    @Test
    void notificationWhenRequesterIsNotTheCertificateThenFailedAndNothingForwarded() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        new TestOrders(jdbc).completed("Operator-1", eid, iccid);

        HttpResponse<String> response = smSr(
                Es3.HandleProfileEnabledNotification.PATH,
                new Es3.HandleProfileEnabledNotification.Request(
                        new RequestHeader("SM-SR-9", "1"), eid.digits(), iccid.digits(), Instant.now()));

        var header = EsJson.readResponse(response.body(), Es3.HandleProfileEnabledNotification.Response.class)
                .header();
        assertThat(header.functionExecutionStatus().statusCodeData().subjectCode())
                .isEqualTo(SubjectCode.FUNCTION_REQUESTER);
        assertThat(header.functionExecutionStatus().statusCodeData().reasonCode())
                .isEqualTo(ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(hooksFor(OK_HOOK, iccid)).isEmpty();
    }

    @Test
    void notificationWhenRoleIsOperatorThen403Problem() throws Exception {
        HttpResponse<String> response = post(
                PKI.client("operator-1"),
                Es3.HandleProfileEnabledNotification.PATH,
                new Es3.HandleProfileEnabledNotification.Request(
                        new RequestHeader("Operator-1", "1"),
                        TestOrders.newEid().digits(),
                        TestOrders.newIccid().digits(),
                        Instant.now()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void orderEndedWhenCompletedThenOperatorWebhookGetsOrderCompletedWithOrderId() {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        OrderView completed = order("Operator-1", eid, iccid, OrderState.COMPLETED, null);

        events.publishEvent(new OrderEnded(completed));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !hooksFor(OK_HOOK, iccid).isEmpty());
        JsonNode body = hooksFor(OK_HOOK, iccid).getFirst();
        assertThat(body.path("event").asString()).isEqualTo("order.completed");
        assertThat(body.path("orderId").asString()).isEqualTo(completed.orderId());
        assertThat(body.path("eid").asString()).isEqualTo(eid.digits());
        assertThat(Instant.parse(body.path("timestamp").asString())).isEqualTo(completed.completedAt());
        assertThat(body.has("failure")).isFalse();
    }

    @Test
    void orderEndedWhenReceiverDownThenRetriedConfiguredTimesThenCountedFailed() {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        StatusCodeData status = new StatusCodeData(SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY, null, null);
        OrderView failed = order(
                "Operator-2",
                eid,
                iccid,
                OrderState.FAILED,
                new OrderView.Failure(StepName.ISDP_CREATION, FailureReason.ES3_FAILED, "CreateISDP failed", status));
        double failedBefore = deliveries("failed", "order.failed");

        events.publishEvent(new OrderEnded(failed));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("failed", "order.failed") == failedBefore + 1);
        List<JsonNode> attempts = hooksFor(DOWN_HOOK, iccid);
        assertThat(attempts).hasSize(1 + RETRIES);
        assertThat(attempts).allSatisfy(body -> {
            assertThat(body.path("event").asString()).isEqualTo("order.failed");
            assertThat(body.path("failure").path("step").asString()).isEqualTo("ISDP_CREATION");
            assertThat(body.path("failure").path("reason").asString()).isEqualTo("ES3_FAILED");
            assertThat(body.path("failure")
                            .path("statusCodeData")
                            .path("reasonCode")
                            .asString())
                    .isEqualTo("4.8");
        });
        assertThat(deliveries("delivered", "order.failed")).isZero();
    }
}
