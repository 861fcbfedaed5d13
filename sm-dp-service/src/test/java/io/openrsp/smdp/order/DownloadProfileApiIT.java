package io.openrsp.smdp.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.SubjectAltNames;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.pki.Validity;
import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smdp.FakeSmSr;
import io.openrsp.smdp.inventory.ProfileInventory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ES2 DownloadProfile and {@code /orders} over real HTTPS with client certificates (TLS 1.3, the service's security
 * chain), against an in-test SM-SR ({@link FakeSmSr}) with the ES8 steps scripted: 202 with the order's location, the
 * order visible to its operator and to ADMIN only, in-band refusals, and RFC 9457 problems for unreadable requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownloadProfileApiIT {

    private static final TestPki PKI = TestPki.create();
    private static final FakeSmSr SM_SR = FakeSmSr.start(PKI);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SSLContext operator2;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:orders-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + SM_SR.port());
    }

    @TestConfiguration
    static class Scripted {
        @Bean
        @Primary
        ScriptedDownloads scriptedDownloads() {
            return new ScriptedDownloads();
        }
    }

    @BeforeAll
    static void secondOperator() throws Exception {
        operator2 = operatorCertificate("CN=Operator-2,O=OpenRSP");
    }

    @AfterAll
    static void stop() throws Exception {
        SM_SR.stop();
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileInventory inventory;

    private HttpResponse<String> send(SSLContext tls, String method, String path, String body) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> downloadProfile(String body) throws Exception {
        return send(PKI.client("operator-1"), "POST", Es2.DownloadProfile.PATH, body);
    }

    private static String request(String callId, Eid eid, String profileType) {
        return "{\"header\":{\"functionRequesterIdentifier\":\"Operator-1\",\"functionCallIdentifier\":\"" + callId
                + "\"},\"eid\":\"" + eid.digits() + "\",\"profileType\":\"" + profileType
                + "\",\"enableProfile\":true}";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asString()).isEqualTo(type);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.openrsp");
    }

    @Test
    void downloadProfileWhenAcceptedThen202LocationAndOrderVisibleToItsOperatorAndAdminOnly() throws Exception {
        inventory.generateDemo("api", 1);
        Eid eid = OrderScenario.newEid();

        HttpResponse<String> accepted = downloadProfile(request("api-1", eid, "api"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        var response = EsJson.readResponse(accepted.body(), Es2.DownloadProfile.Response.class);
        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        String orderId = JSON.readTree(accepted.body()).path("orderId").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/orders/" + orderId);
        // One long-poll call answers once the order has ended: no polling loop.
        JsonNode order = JSON.readTree(send(PKI.client("operator-1"), "GET", "/orders/" + orderId + "?wait=25", null)
                .body());
        assertThat(order.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(order.path("iccid").asString()).isEqualTo(response.iccid());
        assertThat(order.path("operator").asString()).isEqualTo("Operator-1");
        assertThat(order.path("steps").size()).isEqualTo(5);
        assertThat(order.path("steps").get(2).path("name").asString()).isEqualTo("KEY_ESTABLISHMENT");
        assertThat(order.path("steps").get(2).path("durationMillis").isNumber()).isTrue();
        assertThat(Instant.parse(order.path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(order.has("failure")).isTrue();
        assertThat(order.path("failure").isNull()).isTrue();

        assertProblem(
                send(operator2, "GET", "/orders/" + orderId, null), 404, "https://openrsp.io/problems/unknown-order");
        assertThat(send(PKI.adminClient(), "GET", "/orders/" + orderId, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> listed = send(PKI.adminClient(), "GET", "/orders?state=completed", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body())
                        .path("orders")
                        .get(0)
                        .path("orderId")
                        .asString())
                .isEqualTo(orderId);
        assertProblem(send(PKI.client("operator-1"), "GET", "/orders", null), 403, null);

        HttpResponse<String> repeated = downloadProfile(request("api-1", eid, "api"));
        assertThat(repeated.statusCode()).isEqualTo(202);
        assertThat(repeated.headers().firstValue("Location")).hasValue("/orders/" + orderId);
    }

    @Test
    void downloadProfileWhenNoProfileOfTypeThen200FailedInBand() throws Exception {
        HttpResponse<String> response = downloadProfile(request("api-2", OrderScenario.newEid(), "api-none"));

        assertThat(response.statusCode()).isEqualTo(200);
        var failed = EsJson.readResponse(response.body(), Es2.DownloadProfile.Response.class);
        assertThat(failed.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.header().functionExecutionStatus().statusCodeData().subjectCode())
                .isEqualTo(SubjectCode.PROFILE_TYPE);
        assertThat(failed.header().functionExecutionStatus().statusCodeData().reasonCode())
                .isEqualTo(ReasonCode.UNKNOWN);
    }

    @Test
    void downloadProfileWhenJsonMalformedOrHeaderMissingThen400Problem() throws Exception {
        assertProblem(downloadProfile("{\"header\":"), 400, "https://openrsp.io/problems/es-message-rejected");
        assertProblem(
                downloadProfile("{\"eid\":\"" + OrderScenario.newEid().digits() + "\",\"profileType\":\"api\"}"),
                400,
                "https://openrsp.io/problems/es-message-rejected");
    }

    @Test
    void downloadProfileWhenRoleIsAdminThen403Problem() throws Exception {
        HttpResponse<String> response = send(
                PKI.adminClient(), "POST", Es2.DownloadProfile.PATH, request("api-3", OrderScenario.newEid(), "api"));

        assertProblem(response, 403, null);
    }

    @Test
    void findWhenWaitOutOfRangeThen400Problem() throws Exception {
        assertProblem(
                send(PKI.client("operator-1"), "GET", "/orders/" + UUID.randomUUID() + "?wait=61", null),
                400,
                "https://openrsp.io/problems/invalid-request");
        assertProblem(
                send(PKI.client("operator-1"), "GET", "/orders/" + UUID.randomUUID() + "?wait=5&stepsEnded=-1", null),
                400,
                "https://openrsp.io/problems/invalid-request");
    }

    @Test
    void findWhenOrderUnknownThen404Problem() throws Exception {
        assertProblem(
                send(PKI.client("operator-1"), "GET", "/orders/" + UUID.randomUUID(), null),
                404,
                "https://openrsp.io/problems/unknown-order");
    }

    /** A second OPERATOR client certificate from the test CI (the bootstrap PKI has one operator). */
    private static SSLContext operatorCertificate(String subject) throws Exception {
        SecureRandom random = new SecureRandom();
        X509Certificate ci = Pem.readCertificate(Files.readString(PKI.file("ci.crt"), StandardCharsets.US_ASCII));
        PrivateKey ciKey = Pem.readPrivateKey(Files.readString(PKI.file("ci.key"), StandardCharsets.US_ASCII));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        CertificateIssuer issuer = CertificateIssuer.withoutCrlDistributionPoint(
                CertificateAuthority.of(ci, KeyPairSigner.of(new KeyPair(ci.getPublicKey(), ciKey), random)));
        X509Certificate certificate = issuer.issue(new IssuanceRequest(
                keys.getPublic(),
                new X500Principal(subject),
                SubjectAltNames.none(),
                CertificateProfile.OPERATOR,
                Validity.of(Instant.now().minusSeconds(60), Duration.ofDays(1)),
                SerialNumbers.random(random)));
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("operator", keys.getPrivate(), new char[0], new Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ci", ci);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), random);
        return context;
    }
}
