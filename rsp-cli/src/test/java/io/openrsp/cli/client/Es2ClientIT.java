package io.openrsp.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.PkiBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@link Es2Client} and {@link HttpsClients} against a TLS 1.3 server on a real socket that plays the SM-DP's ES2 and
 * orders endpoints, requiring the client certificate, with a PKI made at test time.
 */
class Es2ClientIT {

    private static final String EID = "89049032000010000095380952849269";

    @TempDir
    static Path pki;

    @TempDir
    static Path foreignPki;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final Queue<String> orderAnswers = new ConcurrentLinkedQueue<>();
    private final List<String> orderQueries = new CopyOnWriteArrayList<>();
    private HttpsServer server;

    @BeforeAll
    static void createPkis() throws Exception {
        PkiBootstrap.of(PkiBootstrap.Settings.defaults(), Clock.systemUTC(), new SecureRandom())
                .init(pki, false);
        PkiBootstrap.of(PkiBootstrap.Settings.defaults(), Clock.systemUTC(), new SecureRandom())
                .init(foreignPki, false);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void downloadProfileWhenAcceptedThenSendsTheOperatorsRequestAndReturnsTheOrder() throws Exception {
        startSmdp(pki, 202, """
                {"header":{"functionExecutionStatus":{"status":"Executed-Success"}},\
                "iccid":"89001010017717638104","orderId":"order-1"}""");

        var accepted = client(pki).downloadProfile(new Es2Client.Download(EID, null, "demo", true));

        assertThat(accepted.orderId()).isEqualTo("order-1");
        assertThat(accepted.iccid()).isEqualTo("89001010017717638104");
        JsonNode sent = JsonHttp.JSON.readTree(requests.getFirst());
        assertThat(sent.get("header").get("functionRequesterIdentifier").asString())
                .isEqualTo("Operator-1");
        assertThat(sent.get("header").get("functionCallIdentifier").asString())
                .isEqualTo(accepted.functionCallIdentifier());
        assertThat(sent.get("eid").asString()).isEqualTo(EID);
        assertThat(sent.get("profileType").asString()).isEqualTo("demo");
        assertThat(sent.get("enableProfile").asBoolean()).isTrue();
        assertThat(sent.has("iccid")).isFalse();
        assertThat(clientSubjects).containsExactly("CN=Operator-1,O=OpenRSP");
    }

    @Test
    void downloadProfileWhenFailedInBandThenRefusedWithTheStatusCode() throws Exception {
        startSmdp(pki, 200, """
                {"header":{"functionExecutionStatus":{"status":"Failed","statusCodeData":\
                {"subjectCode":"8.2.5","reasonCode":"3.9","message":"no available profile of type demo"}}}}""");

        assertThatThrownBy(() -> client(pki).downloadProfile(new Es2Client.Download(EID, null, "demo", false)))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ClientException.Reason.REFUSED);
                    assertThat(e.service()).isEqualTo("sm-dp-service");
                })
                .hasMessageContaining("Failed")
                .hasMessageContaining("8.2.5 Profile Type / 3.9 Unknown")
                .hasMessageContaining("no available profile of type demo");
    }

    @Test
    void downloadProfileWhenProblemThenHttpStatusWithTheDetail() throws Exception {
        startSmdp(pki, 403, """
                {"type":"https://openrsp.io/problems/forbidden","status":403,"detail":"role OPERATOR required"}""");

        assertThatThrownBy(() -> client(pki).downloadProfile(new Es2Client.Download(EID, null, "demo", false)))
                .isInstanceOfSatisfying(
                        ClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClientException.Reason.HTTP_STATUS))
                .hasMessageContaining("HTTP 403: role OPERATOR required");
    }

    @Test
    void awaitOrderWhenItCompletesThenLongPollsForEachNextStepAndReportsEachNewStateOnce() throws Exception {
        startSmdp(pki, 202, "{}");
        orderAnswers.add(order("RUNNING", "DONE", "RUNNING"));
        orderAnswers.add(order("RUNNING", "DONE", "RUNNING"));
        orderAnswers.add(order("COMPLETED", "DONE", "DONE"));
        List<Order> seen = new ArrayList<>();

        Order order = client(pki).awaitOrder("order-1", Duration.ofSeconds(30), seen::add);

        assertThat(order.isCompleted()).isTrue();
        assertThat(seen).extracting(Order::state).containsExactly("RUNNING", "COMPLETED");
        // the state as it is, then long polls for more than the one step seen ended
        assertThat(orderQueries).hasSize(3).first().isEqualTo("null");
        assertThat(orderQueries.subList(1, 3)).allMatch(query -> query.matches("wait=(29|30)&stepsEnded=1"));
        assertThat(order.steps())
                .extracting(Order.Step::name, Order.Step::state, Order.Step::durationMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EUICC_REGISTRATION", "DONE", 12L),
                        org.assertj.core.groups.Tuple.tuple("ISDP_CREATION", "DONE", 12L));
    }

    @Test
    void awaitOrderWhenNotEndedInTimeThenTimeout() throws Exception {
        startSmdp(pki, 202, "{}");
        orderAnswers.add(order("RUNNING", "DONE", "RUNNING"));

        assertThatThrownBy(() -> client(pki).awaitOrder("order-1", Duration.ZERO, order -> {}))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.reason()).isEqualTo(ClientException.Reason.TIMEOUT))
                .hasMessageContaining("still RUNNING");
    }

    @Test
    void awaitFinalWhenItCompletesThenLongPollsWithWaitUntilFinal() throws Exception {
        startSmdp(pki, 202, "{}");
        orderAnswers.add(order("RUNNING", "DONE", "RUNNING"));
        orderAnswers.add(order("COMPLETED", "DONE", "DONE"));

        Order order = client(pki).awaitFinal("order-1", Duration.ofSeconds(300));

        assertThat(order.isCompleted()).isTrue();
        assertThat(orderQueries).containsExactly("wait=60", "wait=60");
    }

    @Test
    void awaitFinalWhenNotEndedInTimeThenTimeoutAfterOneZeroWait() throws Exception {
        startSmdp(pki, 202, "{}");
        orderAnswers.add(order("RUNNING", "DONE", "RUNNING"));

        assertThatThrownBy(() -> client(pki).awaitFinal("order-1", Duration.ZERO))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.reason()).isEqualTo(ClientException.Reason.TIMEOUT))
                .hasMessageContaining("still RUNNING");
        assertThat(orderQueries).containsExactly("wait=0");
    }

    @Test
    void clientWhenServerCertificateFromAnotherCiThenTransportFailureAndNothingSent() throws Exception {
        startSmdp(foreignPki, 202, "{}");

        assertThatThrownBy(() -> client(pki).downloadProfile(new Es2Client.Download(EID, null, "demo", false)))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.reason()).isEqualTo(ClientException.Reason.TRANSPORT));
        assertThat(requests).isEmpty();
    }

    @Test
    void clientWhenNothingListensThenTransportFailureSayingSo() throws Exception {
        var identity = HttpsClients.Identity.inPki(pki, "operator-1");
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var client = new Es2Client(
                HttpsClients.client(identity),
                URI.create("https://127.0.0.1:" + port),
                "Operator-1",
                Clock.systemUTC());

        assertThatThrownBy(() -> client.order("order-1"))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.reason()).isEqualTo(ClientException.Reason.TRANSPORT))
                .hasMessageContaining("cannot connect");
    }

    private Es2Client client(Path directory) throws ClientException {
        var identity = HttpsClients.Identity.inPki(directory, "operator-1");
        return new Es2Client(
                HttpsClients.client(identity),
                URI.create("https://127.0.0.1:" + server.getAddress().getPort()),
                HttpsClients.commonName(identity.certificate()),
                Clock.systemUTC());
    }

    /** The SM-DP's ES2 endpoint answering {@code status} with {@code body}, and its orders. */
    private URI startSmdp(Path serverPki, int status, String body) throws Exception {
        SSLContext context = HttpsClients.context(new HttpsClients.Identity(
                serverPki.resolve("sm-dp.crt"), serverPki.resolve("sm-dp.key"), pki.resolve("trust-bundle.pem")));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.3"});
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/gsma/es2/downloadProfile", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            recordClient(exchange);
            answer(exchange, status, body);
        });
        server.createContext("/orders/", exchange -> {
            orderQueries.add(String.valueOf(exchange.getRequestURI().getQuery()));
            String next = orderAnswers.size() > 1 ? orderAnswers.poll() : orderAnswers.peek();
            answer(exchange, 200, next);
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private void recordClient(HttpExchange exchange) {
        try {
            var session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
            clientSubjects.add(((java.security.cert.X509Certificate) session.getPeerCertificates()[0])
                    .getSubjectX500Principal()
                    .getName());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            clientSubjects.add("none");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String order(String state, String first, String second) {
        return """
                {"orderId":"order-1","operator":"Operator-1","eid":"%s","iccid":"89001010017717638104",\
                "profileType":"demo","enable":true,"state":"%s","createdAt":"2025-01-01T00:00:00Z",\
                "steps":[{"name":"EUICC_REGISTRATION","state":"%s","durationMillis":12},\
                {"name":"ISDP_CREATION","state":"%s","durationMillis":%s}]}""".formatted(EID, state, first, second, second.equals("DONE") ? "12" : "null");
    }
}
