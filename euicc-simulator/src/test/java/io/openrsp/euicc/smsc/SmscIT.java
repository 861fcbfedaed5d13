package io.openrsp.euicc.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.factory.CardFactory;
import io.openrsp.euicc.management.ProblemAdvice;
import io.openrsp.euicc.management.TestSimulatorSettings;
import io.openrsp.rsp.id.Eid;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS-C endpoint over real HTTPS: SM-SRs (role SMSR) submit; everyone else gets 403; bad input a problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmscIT {

    private static final TestPki PKI = TestPki.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    CardFactory factory;

    @Autowired
    Cards cards;

    private HttpResponse<String> submit(String entity, String json) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(PKI.client(entity))
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/smsc/mt"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private String knownEid() throws Exception {
        return factory.create(1, false, null).getFirst().eid();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (slug != null) {
            assertThat(problem.path("type").asString()).isEqualTo(ProblemAdvice.PROBLEM_BASE + slug);
        }
    }

    @Test
    void submitWhenSmsrAndKnownCardThen202WithMessageId() throws Exception {
        HttpResponse<String> response = submit("sm-sr", "{\"eid\":\"" + knownEid() + "\",\"userData\":\"0102030405\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("messageId").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void submitWhenEidUnknownThen404Problem() throws Exception {
        String unknown = Eid.withCheckDigits("890490329999999999999999999997").digits();

        assertProblem(submit("sm-sr", "{\"eid\":\"" + unknown + "\",\"userData\":\"00\"}"), 404, "unknown-eid");
    }

    @Test
    void submitWhenMalformedThen400Problem() throws Exception {
        String eid = knownEid();
        assertProblem(submit("sm-sr", "{\"eid\":\"" + eid + "\",\"userData\":\"xyz\"}"), 400, "malformed-sms");
        assertProblem(submit("sm-sr", "{\"eid\":\"123\",\"userData\":\"00\"}"), 400, "malformed-sms");
        assertProblem(submit("sm-sr", "{\"userData\":\"00\"}"), 400, "malformed-sms");
        assertProblem(submit("sm-sr", "not json"), 400, null);
    }

    @Test
    void submitWhenCallerIsNotAnSmsrThen403Problem() throws Exception {
        String body = "{\"eid\":\"" + knownEid() + "\",\"userData\":\"00\"}";

        assertProblem(submit("admin", body), 403, null);
        assertProblem(submit("sm-dp", body), 403, null);
        assertProblem(submit("eum-client", body), 403, null);
    }
}
