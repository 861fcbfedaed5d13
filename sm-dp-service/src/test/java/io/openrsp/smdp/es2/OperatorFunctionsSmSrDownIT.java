package io.openrsp.smdp.es2;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's ES2 functions while nothing listens at the SM-SR's ES3 URL: a 502 problem, never a success. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorFunctionsSmSrDownIT {

    private static final TestPki PKI = TestPki.create();
    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:es2-smsr-down-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + CLOSED_PORT);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void deleteProfileWhenSmSrDownThen502ProblemNamingTheEs3Function() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        new TestOrders(jdbc).completed("Operator-1", eid, iccid);
        var request = new Es2.DeleteProfile.Request(
                new RequestHeader("Operator-1", UUID.randomUUID().toString()), 30, eid.digits(), iccid.digits(), null);

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(PKI.client("operator-1"))
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + Es2.DeleteProfile.PATH))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(EsJson.toJson(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString())
                .isEqualTo(FunctionCallProblemAdvice.PROBLEM_BASE + "smsr-unreachable");
        assertThat(problem.path("title").asString()).isEqualTo("SM-SR not reachable");
        assertThat(problem.path("function").asString()).isEqualTo(Es3.DeleteIsdp.NAME);
        assertThat(response.body()).doesNotContain("Executed-Success").doesNotContain("Exception");
    }
}
