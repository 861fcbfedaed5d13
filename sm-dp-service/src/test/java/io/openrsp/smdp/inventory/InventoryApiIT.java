package io.openrsp.smdp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory endpoints over real HTTPS with client certificates (TLS 1.3, the service's own security chain): an
 * operator and an admin import and generate profiles and read the counts; refusals are RFC 9457 problems with the
 * exact type, never a 500; roles other than OPERATOR and ADMIN get a 403 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InventoryApiIT {

    private static final TestPki PKI = TestPki.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = InventoryProblemAdvice.PROBLEM_BASE;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:inventory-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> send(SSLContext tls, String method, String path, String contentType, byte[] body)
            throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> operator(String method, String path, String contentType, byte[] body)
            throws Exception {
        return send(PKI.client("operator-1"), method, path, contentType, body);
    }

    private HttpResponse<String> demo(String json) throws Exception {
        return operator("POST", "/inventory/demo", "application/json", json.getBytes());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
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

    private long count(JsonNode counts, String profileType, String state) {
        for (JsonNode count : counts.path("counts")) {
            if (count.path("profileType").asString().equals(profileType)
                    && count.path("state").asString().equals(state)) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void importWhenOperatorPostsPackageThen201WithIccidAndLocation() throws Exception {
        byte[] der = TestInventory.packageBytes("api-import", 11);

        HttpResponse<String> response = operator("POST", "/inventory/packages", "application/octet-stream", der);

        assertThat(response.statusCode()).isEqualTo(201);
        String iccid = TestInventory.profile("api-import", 11).iccid().digits();
        assertThat(json(response).path("iccid").asString()).isEqualTo(iccid);
        assertThat(json(response).path("profileType").asString()).isEqualTo("api-import");
        assertThat(json(response).path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(response.body()).doesNotContainIgnoringCase("ki").doesNotContain("sealed");
        assertThat(response.headers().firstValue("Location")).hasValue("/inventory/profiles/" + iccid);
        HttpResponse<String> found = operator("GET", "/inventory/profiles/" + iccid, null, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).path("imsi").asString())
                .isEqualTo(TestInventory.profile("api-import", 11).imsi().digits());
    }

    @Test
    void importWhenSamePackageTwiceThen409DuplicateProblem() throws Exception {
        byte[] der = TestInventory.packageBytes("api-dup", 12);
        assertThat(operator("POST", "/inventory/packages", "application/octet-stream", der)
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> again = operator("POST", "/inventory/packages", "application/octet-stream", der);

        assertProblem(again, 409, PROBLEM + "duplicate-profile");
    }

    @Test
    void importWhenPackageTruncatedThen400ProblemWithDecoderReason() throws Exception {
        byte[] der = TestInventory.packageBytes("api-bad", 13);

        HttpResponse<String> response =
                operator("POST", "/inventory/packages", "application/octet-stream", Arrays.copyOf(der, der.length - 3));

        assertProblem(response, 400, PROBLEM + "malformed-package");
        assertThat(json(response).path("packageReason").asString()).isEqualTo("MALFORMED_DER");
    }

    @Test
    void importWhenBodyEmptyThen400Problem() throws Exception {
        HttpResponse<String> response = operator("POST", "/inventory/packages", "application/octet-stream", null);

        assertProblem(response, 400, null);
    }

    @Test
    void importWhenJsonInsteadOfDerThen415Problem() throws Exception {
        HttpResponse<String> response = operator("POST", "/inventory/packages", "application/json", "{}".getBytes());

        assertProblem(response, 415, null);
    }

    @Test
    void demoWhenAdminRequestsThen201WithIccidsAndCountsShowThem() throws Exception {
        HttpResponse<String> response = send(
                PKI.adminClient(),
                "POST",
                "/inventory/demo",
                "application/json",
                "{\"profileType\":\"api-demo\",\"count\":5}".getBytes());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("iccids").size()).isEqualTo(5);
        HttpResponse<String> counts = operator("GET", "/inventory", null, null);
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(count(json(counts), "api-demo", "AVAILABLE")).isEqualTo(5);
    }

    @Test
    void demoWhenCountMissingOrOutOfRangeThen400InvalidRequest() throws Exception {
        assertProblem(demo("{\"profileType\":\"api-demo-bad\"}"), 400, PROBLEM + "invalid-request");
        assertProblem(demo("{\"profileType\":\"api-demo-bad\",\"count\":0}"), 400, PROBLEM + "invalid-request");
        assertProblem(demo("{\"profileType\":\"api-demo-bad\",\"count\":10001}"), 400, PROBLEM + "invalid-request");
        assertProblem(demo("{\"count\":1}"), 400, PROBLEM + "invalid-request");
    }

    @Test
    void demoWhenBodyNotJsonThen400Problem() throws Exception {
        assertProblem(demo("{\"profileType\":"), 400, null);
        assertProblem(demo("{\"profileType\":\"t\",\"count\":\"many\"}"), 400, null);
    }

    @Test
    void findWhenIccidMalformedOrUnknownThen400Or404Problem() throws Exception {
        assertProblem(operator("GET", "/inventory/profiles/1234", null, null), 400, PROBLEM + "invalid-request");
        assertProblem(
                operator("GET", "/inventory/profiles/89001999999999999996", null, null),
                404,
                PROBLEM + "unknown-profile");
    }

    @Test
    void countsWhenRoleIsNotOperatorOrAdminThen403Problem() throws Exception {
        HttpResponse<String> response = send(PKI.client("sm-sr"), "GET", "/inventory", null, null);

        assertProblem(response, 403, null);
    }

    @Test
    void demoWhenRoleIsEumThen403ProblemAndNothingGenerated() throws Exception {
        HttpResponse<String> response = send(
                PKI.client("eum-client"),
                "POST",
                "/inventory/demo",
                "application/json",
                "{\"profileType\":\"api-eum\",\"count\":1}".getBytes());

        assertProblem(response, 403, null);
        assertThat(count(json(operator("GET", "/inventory", null, null)), "api-eum", "AVAILABLE"))
                .isZero();
    }
}
