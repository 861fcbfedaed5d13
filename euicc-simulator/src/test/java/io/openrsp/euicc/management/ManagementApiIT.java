package io.openrsp.euicc.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.id.Eid;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management API over real HTTPS with client certificates: admins make, list, inspect and cut off cards; other
 * roles get a 403 problem; a client without a certificate does not get through the handshake. The SM-SR URL points at
 * a closed port, so a requested registration fails with TRANSPORT and the card stays unregistered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementApiIT {

    private static final TestPki PKI = TestPki.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestSimulatorSettings.register(registry, PKI);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("openrsp.factory.smsr-url", () -> "https://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String entity, String method, String path, String json) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(entity == null ? PKI.anonymousClient() : PKI.client(entity))
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return send("admin", method, path, json);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private List<String> createUnregistered(int count) throws Exception {
        HttpResponse<String> response =
                admin("POST", "/cards", "{\"count\":" + count + ",\"register\":false,\"memoryBytes\":65536}");
        assertThat(response.statusCode()).isEqualTo(201);
        List<String> eids = new ArrayList<>();
        for (JsonNode card : json(response).path("cards")) {
            eids.add(card.path("eid").asString());
        }
        return eids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asString()).isEqualTo(type);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.openrsp");
    }

    @Test
    void createWhenAdminWithoutRegistrationThen201WithValidUnregisteredCards() throws Exception {
        HttpResponse<String> response = admin("POST", "/cards", "{\"count\":3,\"register\":false}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode cards = json(response).path("cards");
        assertThat(cards.size()).isEqualTo(3);
        for (JsonNode card : cards) {
            assertThat(Eid.of(card.path("eid").asString()).digits()).startsWith("890490320000100000");
            assertThat(card.path("registered").asBoolean()).isFalse();
            assertThat(card.path("registrationFailure").isNull()).isTrue();
        }
    }

    @Test
    void findWhenCardExistsThenItsViewWithMemoryAndReachability() throws Exception {
        String eid = createUnregistered(1).getFirst();

        HttpResponse<String> response = admin("GET", "/cards/" + eid, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode card = json(response);
        assertThat(card.path("eid").asString()).isEqualTo(eid);
        assertThat(card.path("registered").asBoolean()).isFalse();
        assertThat(card.path("reachable").asBoolean()).isTrue();
        assertThat(card.path("memoryBytes").asLong()).isEqualTo(65536);
        assertThat(card.path("freeMemoryBytes").asLong()).isEqualTo(65536);
        assertThat(card.path("isdps").isArray()).isTrue();
        assertThat(card.path("isdps").size()).isZero();
    }

    @Test
    void createWhenRegistrationRequestedAndSmsrUnreachableThenCardKeptUnregisteredWithTransportFailure()
            throws Exception {
        HttpResponse<String> response = admin("POST", "/cards", "{\"count\":2}");

        assertThat(response.statusCode()).isEqualTo(201);
        for (JsonNode card : json(response).path("cards")) {
            assertThat(card.path("registered").asBoolean()).isFalse();
            assertThat(card.path("registrationFailure").path("reason").asString())
                    .isEqualTo("TRANSPORT");
            HttpResponse<String> view =
                    admin("GET", "/cards/" + card.path("eid").asString(), null);
            assertThat(json(view).path("registered").asBoolean()).isFalse();
        }
    }

    @Test
    void listWhenPagedThenTotalAndAtMostLimitCardsOrderedByEid() throws Exception {
        createUnregistered(3);

        HttpResponse<String> response = admin("GET", "/cards?offset=1&limit=2", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("offset").asInt()).isEqualTo(1);
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        JsonNode cards = page.path("cards");
        assertThat(cards.size()).isEqualTo(2);
        assertThat(cards.get(0).path("eid").asString())
                .isLessThan(cards.get(1).path("eid").asString());
    }

    @Test
    void listWhenLimitOutOfRangeThen400Problem() throws Exception {
        assertProblem(admin("GET", "/cards?limit=0", null), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
        assertProblem(admin("GET", "/cards?limit=1001", null), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
        assertProblem(admin("GET", "/cards?offset=-1", null), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
    }

    @Test
    void findWhenEidMalformedThen400Problem() throws Exception {
        assertProblem(admin("GET", "/cards/1234", null), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
    }

    @Test
    void findWhenEidUnknownThen404Problem() throws Exception {
        String unknown = Eid.withCheckDigits("890490329999999999999999999999").digits();

        assertProblem(admin("GET", "/cards/" + unknown, null), 404, ProblemAdvice.PROBLEM_BASE + "unknown-eid");
    }

    @Test
    void profileKeysWhenExportSwitchedOffThen404ProblemWithoutKeys() throws Exception {
        String eid = createUnregistered(1).getFirst();

        HttpResponse<String> response = admin("GET", "/cards/" + eid + "/profiles/8988220000000000028/keys", null);

        assertProblem(response, 404, ProblemAdvice.PROBLEM_BASE + "not-found");
        assertThat(json(response).path("detail").asString()).contains("openrsp.management.expose-card-keys");
    }

    @Test
    void profileKeysWhenIccidMalformedThen400Problem() throws Exception {
        String eid = createUnregistered(1).getFirst();

        assertProblem(
                admin("GET", "/cards/" + eid + "/profiles/1234/keys", null),
                400,
                ProblemAdvice.PROBLEM_BASE + "invalid-request");
    }

    @Test
    void setReachabilityWhenFalseThen204AndCardShownUnreachableUntilSetBack() throws Exception {
        String eid = createUnregistered(1).getFirst();

        HttpResponse<String> off = admin("PUT", "/cards/" + eid + "/reachability", "{\"reachable\":false}");

        assertThat(off.statusCode()).isEqualTo(204);
        assertThat(json(admin("GET", "/cards/" + eid, null)).path("reachable").asBoolean())
                .isFalse();
        assertThat(admin("PUT", "/cards/" + eid + "/reachability", "{\"reachable\":true}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(admin("GET", "/cards/" + eid, null)).path("reachable").asBoolean())
                .isTrue();
    }

    @Test
    void setReachabilityWhenUnknownEidThen404AndWhenBodyMissingValueThen400() throws Exception {
        String unknown = Eid.withCheckDigits("890490329999999999999999999998").digits();
        assertProblem(
                admin("PUT", "/cards/" + unknown + "/reachability", "{\"reachable\":false}"),
                404,
                ProblemAdvice.PROBLEM_BASE + "unknown-eid");
        String eid = createUnregistered(1).getFirst();
        assertProblem(
                admin("PUT", "/cards/" + eid + "/reachability", "{}"),
                400,
                ProblemAdvice.PROBLEM_BASE + "invalid-request");
    }

    @Test
    void createWhenCountMissingOrTooLargeOrBodyNotJsonThen400Problem() throws Exception {
        assertProblem(
                admin("POST", "/cards", "{\"register\":false}"), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
        assertProblem(
                admin("POST", "/cards", "{\"count\":10001}"), 400, ProblemAdvice.PROBLEM_BASE + "invalid-request");
        assertProblem(admin("POST", "/cards", "{\"count\":"), 400, null);
        assertProblem(admin("POST", "/cards", "{\"count\":\"many\"}"), 400, null);
    }

    @Test
    void managementWhenCallerIsOperatorOrSmsrThen403Problem() throws Exception {
        assertProblem(send("operator-1", "GET", "/cards", null), 403, null);
        assertProblem(send("sm-sr", "POST", "/cards", "{\"count\":1,\"register\":false}"), 403, null);
        assertProblem(send("eum-client", "PUT", "/cards/x/reachability", "{\"reachable\":false}"), 403, null);
    }

    @Test
    void managementWhenNoClientCertificateThenHandshakeRefused() {
        assertThatThrownBy(() -> send(null, "GET", "/cards", null)).isInstanceOf(IOException.class);
    }
}
