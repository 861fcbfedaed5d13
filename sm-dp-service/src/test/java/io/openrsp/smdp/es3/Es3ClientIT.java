package io.openrsp.smdp.es3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessage;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.smdp.TestHttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link Es3Client} from the Spring context against an in-test SM-SR: a JDK HTTPS server with the sm-sr
 * certificate that requires a client certificate and answers only the sm-dp one, with canned ES3 answers per
 * function path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class Es3ClientIT {

    private static final TestPki PKI = TestPki.create();
    private static final FakeSmSr SM_SR = FakeSmSr.start(PKI);
    private static final Duration MARGIN = Duration.ofMillis(300);
    private static final String EID = "89049032123451234512345678901235";
    private static final String ICCID = "8901234567890123456";

    @Autowired
    Es3Client client;

    @Autowired
    SslBundles sslBundles;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sm-dp-es3-client;DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + SM_SR.port());
        registry.add("openrsp.smdp.es3.timeout-margin", MARGIN::toString);
        registry.add("openrsp.smdp.id", () -> "SM-DP-TEST");
    }

    @AfterAll
    static void stop() throws IOException {
        SM_SR.stop();
        PKI.delete();
    }

    @Test
    void createIsdpWhenSmSrSucceedsThenRequestArrivesIntactAndResponseReturned() throws Exception {
        var request = new Es3.CreateIsdp.Request(client.header(), 30, EID, ICCID, "MNO-1", 65_536L, null);
        long before = clientCalls(meters, Es3.CreateIsdp.NAME, "executed-success");

        Es3.CreateIsdp.Response response = client.createIsdp(request);

        assertThat(clientCalls(meters, Es3.CreateIsdp.NAME, "executed-success")).isEqualTo(before + 1);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(response.isdpAid()).isEqualTo(FakeSmSr.ISDP_AID);
        assertThat(response.euiccResponseData()).isEqualTo("AF80230190009000");
        assertThat(SM_SR.received(request.header().functionCallIdentifier(), Es3.CreateIsdp.Request.class))
                .isEqualTo(request);
        assertThat(request.header().functionRequesterIdentifier()).isEqualTo("SM-DP-TEST");
    }

    @Test
    void sendDataWhenSmSrSucceedsThenCardAnswerReturnedOverTls13WithSmDpCertificate() throws Exception {
        var request = new Es3.SendData.Request(client.header(), 30, EID, FakeSmSr.ISDP_AID, "AE80841000", true);

        Es3.SendData.Response response = client.sendData(request);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(response.euiccResponseData()).isEqualTo("AF809000");
        assertThat(SM_SR.received(request.header().functionCallIdentifier(), Es3.SendData.Request.class))
                .isEqualTo(request);
        assertThat(SM_SR.protocol(request.header().functionCallIdentifier())).isEqualTo("TLSv1.3");
    }

    @Test
    void enableProfileWhenSmSrReportsFailedThenFailedStatusReturnedInBand() throws Exception {
        var request = new Es3.EnableProfile.Request(client.header(), 30, EID, ICCID);
        long before = clientCalls(meters, Es3.EnableProfile.NAME, "failed");

        Es3.EnableProfile.Response response = client.enableProfile(request);

        assertThat(clientCalls(meters, Es3.EnableProfile.NAME, "failed")).isEqualTo(before + 1);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(response.header().functionExecutionStatus().statusCodeData())
                .isEqualTo(new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, ICCID, null));
    }

    @Test
    void disableProfileWhenSmSrAnswers403ProblemThenHttpStatusWithTitle() {
        var request = new Es3.DisableProfile.Request(client.header(), 30, EID, ICCID);
        long before = clientCalls(meters, Es3.DisableProfile.NAME, EsCallMetrics.TRANSPORT_ERROR);

        assertThatExceptionOfType(Es3TransportException.class)
                .isThrownBy(() -> client.disableProfile(request))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es3TransportException.Reason.HTTP_STATUS);
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.problemTitle()).contains("Role refused");
                    assertThat(e.function()).isEqualTo(Es3.DisableProfile.NAME);
                });
        assertThat(clientCalls(meters, Es3.DisableProfile.NAME, EsCallMetrics.TRANSPORT_ERROR))
                .isEqualTo(before + 1);
    }

    @Test
    void deleteIsdpWhenSmSrAnswersGarbageThenMalformedResponse() {
        var request = new Es3.DeleteIsdp.Request(client.header(), 30, EID, ICCID);

        assertThatExceptionOfType(Es3TransportException.class)
                .isThrownBy(() -> client.deleteIsdp(request))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Es3TransportException.Reason.MALFORMED_RESPONSE);
                    assertThat(e.httpStatus()).isZero();
                });
    }

    @Test
    void auditEisWhenSmSrNeverAnswersThenTimeoutRightAfterTheValidityPeriod() {
        var request = new Es3.AuditEis.Request(client.header(), 1, EID, null);
        long started = System.nanoTime();

        assertThatExceptionOfType(Es3TransportException.class)
                .isThrownBy(() -> client.auditEis(request))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Es3TransportException.Reason.TIMEOUT));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited)
                .isBetween(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1).plus(MARGIN).plusSeconds(1));
    }

    @Test
    void getEisWhenNothingListensThenConnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var properties = new Es3ClientProperties(
                URI.create("https://127.0.0.1:" + closedPort),
                "SM-DP-TEST",
                Duration.ofSeconds(5),
                MARGIN,
                Duration.ofSeconds(5));
        var unreachableMeters = new SimpleMeterRegistry();
        Es3Client unreachable = new Es3Client(
                properties,
                new SecureRandom(),
                new EsCallMetrics(unreachableMeters),
                Es3Client.httpClient(sslBundles.getBundle("server"), properties.connectTimeout()));
        var request = new Es3.GetEis.Request(unreachable.header(), EID);

        assertThatExceptionOfType(Es3TransportException.class)
                .isThrownBy(() -> unreachable.getEis(request))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Es3TransportException.Reason.CONNECT));
        assertThat(clientCalls(unreachableMeters, Es3.GetEis.NAME, EsCallMetrics.TRANSPORT_ERROR))
                .isEqualTo(1);
    }

    /** The count of {@code openrsp.es.calls} for the ES3 client calls of {@code function} that ended in {@code outcome}. */
    private static long clientCalls(MeterRegistry registry, String function, String outcome) {
        Timer timer = registry.find(EsCallMetrics.NAME)
                .tags("interface", "ES3", "function", function, "role", "client", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** The in-test SM-SR: records each request by call id, answers by path. */
    static final class FakeSmSr {

        static final String ISDP_AID = "A0000005591010FFFFFFFF8900001000";

        private final CountDownLatch release = new CountDownLatch(1);
        private final Map<String, byte[]> requests = new ConcurrentHashMap<>();
        private final Map<String, String> protocols = new ConcurrentHashMap<>();
        private final TestHttpsServer server;

        private FakeSmSr(TestPki pki) {
            this.server = TestHttpsServer.start(pki, "sm-sr", "/gsma/es3/", this::handle);
        }

        static FakeSmSr start(TestPki pki) {
            return new FakeSmSr(pki);
        }

        int port() {
            return server.port();
        }

        <T extends EsRequest> T received(String callId, Class<T> type) {
            return EsJson.readRequest(requests.get(callId), type);
        }

        String protocol(String callId) {
            return protocols.get(callId);
        }

        void stop() {
            release.countDown();
            server.stop();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (server.refusedUnlessSmDp(exchange)) {
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.equals(Es3.CreateIsdp.PATH)) {
                    record(exchange, body, Es3.CreateIsdp.Request.class);
                    json(exchange, new Es3.CreateIsdp.Response(ResponseHeader.success(), ISDP_AID, "AF80230190009000"));
                } else if (path.equals(Es3.SendData.PATH)) {
                    record(exchange, body, Es3.SendData.Request.class);
                    json(exchange, new Es3.SendData.Response(ResponseHeader.success(), "AF809000"));
                } else if (path.equals(Es3.EnableProfile.PATH)) {
                    var request = record(exchange, body, Es3.EnableProfile.Request.class);
                    json(
                            exchange,
                            new Es3.EnableProfile.Response(
                                    ResponseHeader.failed(new StatusCodeData(
                                            SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, request.iccid(), null)),
                                    null));
                } else if (path.equals(Es3.DisableProfile.PATH)) {
                    TestHttpsServer.reply(
                            exchange,
                            403,
                            "application/problem+json",
                            "{\"type\":\"about:blank\",\"title\":\"Role refused\",\"status\":403}");
                } else if (path.equals(Es3.DeleteIsdp.PATH)) {
                    TestHttpsServer.reply(exchange, 200, "application/json", "<html>not an ES3 response</html>");
                } else if (path.equals(Es3.AuditEis.PATH)) {
                    // never answers while the test runs
                    release.await(30, TimeUnit.SECONDS);
                } else {
                    TestHttpsServer.notFound(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Reads the request strictly (as the SM-SR does) and keeps its bytes and TLS version by call id. */
        private <T extends EsRequest> T record(HttpExchange exchange, byte[] body, Class<T> type) {
            T request = EsJson.readRequest(body, type);
            String callId = request.header().functionCallIdentifier();
            requests.put(callId, body);
            protocols.put(callId, ((HttpsExchange) exchange).getSSLSession().getProtocol());
            return request;
        }

        private static void json(HttpExchange exchange, EsMessage response) throws IOException {
            TestHttpsServer.reply(exchange, 200, "application/json", EsJson.toJson(response));
        }
    }
}
