package io.openrsp.ca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.ca.authority.CaException;
import io.openrsp.ca.authority.CrlService;
import io.openrsp.ca.authority.EnrollmentCommand;
import io.openrsp.ca.authority.EnrollmentService;
import io.openrsp.ca.authority.Refusal;
import io.openrsp.ca.support.Chains;
import io.openrsp.ca.support.TestCsrs;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance scenario over real HTTP against a real database (subclasses pick H2 or PostgreSQL):
 * one certificate per profile, refusals with their problem types and nothing stored, revocation, the CRL, and
 * validation of the issued chain with Java PKIX and {@code openssl verify -crl_check}.
 *
 * <p>Over HTTPS (TLS 1.3): admin calls present the admin client certificate of the test PKI, token holders
 * present none. The admin-certificate enrollment path is also exercised at the service boundary with an ADMIN
 * certificate issued by this CA.
 */
@Import(RootCaScenario.Fixed.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "OPENRSP_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "openrsp.ca.crl-check-interval=PT1H"
        })
abstract class RootCaScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class Fixed {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** The platform's test PKI: this CA imports its CI, serves TLS with its certificate and trusts it for clients. */
    private static final TestPki PKI = TestPki.create();

    @DynamicPropertySource
    static void httpsWithTestPki(DynamicPropertyRegistry registry) {
        registry.add(
                "openrsp.tls.certificate", () -> PKI.file("root-ca-service.crt").toString());
        registry.add(
                "openrsp.tls.private-key", () -> PKI.file("root-ca-service.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("openrsp.ca.import-certificate", () -> PKI.file("ci.crt").toString());
        registry.add("openrsp.ca.import-key", () -> PKI.file("ci.key").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EnrollmentService enrollmentService;

    @Autowired
    CrlService crlService;

    @TempDir
    Path tmp;

    /** TLS 1.3 with the admin client certificate. */
    private final HttpClient admin = https(PKI::adminClient);

    /** TLS 1.3 without a client certificate: a token holder enrolling its first certificate. */
    private final HttpClient anonymous = https(PKI::anonymousClient);

    /** Each test starts at the real time (openssl checks against it) with a CRL that is current then. */
    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
        crlService.renew();
    }

    @Test
    void enrollWhenTokenForEachProfileThenChainValidatesWithPkixAndOpenssl() throws Exception {
        String ci = get("/ca.crt").body();
        byte[] crl = getBytes("/crl");
        for (CertificateProfile profile : List.of(
                CertificateProfile.SM_DP,
                CertificateProfile.SM_SR,
                CertificateProfile.EUM,
                CertificateProfile.OPERATOR,
                CertificateProfile.ADMIN)) {
            String subject = "CN=" + profile + "-" + System.nanoTime() + ",O=OpenRSP";
            JsonNode issued = enroll(profile, subject, "svc.example", null).json();

            X509Certificate leaf =
                    Chains.certificate(issued.get("certificatePem").asString());
            assertThat(CertificateProfile.of(leaf)).as(profile.name()).contains(profile);
            assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo(subject);
            assertThat(leaf.getExtensionValue("2.5.29.31"))
                    .as("cRLDistributionPoints")
                    .isNotNull();
            assertThat(Duration.between(
                            leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                    .isEqualTo(profile.maxValidity());
            assertThat(issued.get("chainPem").asString()).endsWith(ci);
            Chains.pkixValidate(leaf, Chains.certificate(ci), Chains.crl(crl), clock.instant());
            if (Chains.opensslInstalled()) {
                assertThat(Chains.opensslVerify(
                                tmp, ci, crl, issued.get("certificatePem").asString()))
                        .as(profile + " openssl verify")
                        .isZero();
            }
        }
    }

    @Test
    void revokeWhenValidThenNewCrlListsItAndValidationFails() throws Exception {
        String ci = get("/ca.crt").body();
        JsonNode issued = enroll(CertificateProfile.OPERATOR, "CN=Operator Revoked,O=MNO-1", null, null)
                .json();
        String leafPem = issued.get("certificatePem").asString();
        X509Certificate leaf = Chains.certificate(leafPem);
        long before = Chains.crl(getBytes("/crl")).getVersion();
        var crlBefore = Chains.crl(getBytes("/crl"));
        Chains.pkixValidate(leaf, Chains.certificate(ci), crlBefore, clock.instant());
        if (Chains.opensslInstalled()) {
            assertThat(Chains.opensslVerify(tmp, ci, crlBefore.getEncoded(), leafPem))
                    .isZero();
        }

        Reply revoked = post(
                "/certificates/" + issued.get("serial").asString() + "/revoke",
                "{\"reason\":\"KEY_COMPROMISE\"}",
                null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        var crlAfter = Chains.crl(getBytes("/crl"));
        assertThat(crlAfter.getVersion()).isEqualTo(before).isEqualTo(2);
        assertThat(crlNumber(crlAfter.getEncoded())).isGreaterThan(crlNumber(crlBefore.getEncoded()));
        assertThat(crlAfter.getRevokedCertificate(leaf.getSerialNumber())).isNotNull();
        assertThatThrownBy(() -> Chains.pkixValidate(leaf, Chains.certificate(ci), crlAfter, clock.instant()))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("revoked");
        if (Chains.opensslInstalled()) {
            assertThat(Chains.opensslVerify(tmp, ci, crlAfter.getEncoded(), leafPem))
                    .isNotZero();
        }
        assertThat(post("/certificates/" + issued.get("serial").asString() + "/revoke", "{}", null)
                        .problemType())
                .isEqualTo("https://openrsp.io/problems/already-revoked");
    }

    @Test
    void lookupWhenIssuedThenListedAndFoundBySerial() throws Exception {
        JsonNode issued = enroll(CertificateProfile.SM_SR, "CN=SM-SR-lookup", "sm-sr.example", null)
                .json();
        String serial = issued.get("serial").asString();

        JsonNode found = JSON.readTree(get("/certificates/" + serial).body());
        JsonNode listed =
                JSON.readTree(get("/certificates?status=VALID&profile=SM_SR").body());

        assertThat(found.get("subject").asString()).isEqualTo("CN=SM-SR-lookup");
        assertThat(listed.valueStream().map(n -> n.get("serial").asString())).contains(serial);
        assertThat(get("/certificates/abc123").statusCode()).isEqualTo(404);
    }

    @Test
    void enrollWhenCsrSignatureInvalidThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Tampered");
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.tamperedPem(TestCsrs.p256(), "CN=Tampered"), CertificateProfile.OPERATOR, null),
                token,
                400,
                "csr-signature-invalid");
    }

    @Test
    void enrollWhenKeyNotP256ThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=P384");
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p384(), "CN=P384", null), CertificateProfile.OPERATOR, null),
                token,
                400,
                "key-not-ec-p256");
    }

    @Test
    void enrollWhenValidityLongerThanProfileThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Long");
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Long", null), CertificateProfile.OPERATOR, "P399D"),
                token,
                400,
                "validity-too-long");
    }

    @Test
    void enrollWhenSubjectNotTheTokensThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Operator A");
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Operator B", null), CertificateProfile.OPERATOR, null),
                token,
                403,
                "subject-not-allowed");
    }

    @Test
    void enrollWhenTokenAlreadyUsedThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Once");
        assertThat(post(
                                "/certificates",
                                csrBody(
                                        TestCsrs.pem(TestCsrs.p256(), "CN=Once", null),
                                        CertificateProfile.OPERATOR,
                                        null),
                                token)
                        .status())
                .isEqualTo(201);
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Once", null), CertificateProfile.OPERATOR, null),
                token,
                401,
                "token-used");
    }

    @Test
    void enrollWhenTokenExpiredThenProblemAndNothingStored() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Late");
        clock.advance(Duration.ofDays(2));
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Late", null), CertificateProfile.OPERATOR, null),
                token,
                401,
                "token-expired");
    }

    @Test
    void enrollWhenNoCredentialThenNotAuthorized() throws Exception {
        assertRefusedAndNothingStored(
                csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Nobody", null), CertificateProfile.OPERATOR, null),
                null,
                401,
                "not-authorized");
    }

    @Test
    void enrollWhenSameTokenRacedThenExactlyOneSucceeds() throws Exception {
        String token = token(CertificateProfile.OPERATOR, "CN=Race");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = csrBody(TestCsrs.pem(TestCsrs.p256(), "CN=Race", null), CertificateProfile.OPERATOR, null);
            calls.add(() -> post("/certificates", body, token).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 401);
        assertThat(countWithSubject("CN=Race")).isEqualTo(1);
    }

    @Test
    void enrollWhenAdminCertificateThenIssuedAndOperatorCertificateRefused() throws Exception {
        KeyPair adminKeys = TestCsrs.p256();
        X509Certificate admin = Chains.certificate(enroll(CertificateProfile.ADMIN, "CN=Admin-1", null, null)
                .json()
                .get("certificatePem")
                .asString());
        X509Certificate operator = Chains.certificate(enroll(CertificateProfile.OPERATOR, "CN=Op-1", null, null)
                .json()
                .get("certificatePem")
                .asString());
        String csr = TestCsrs.pem(adminKeys, "CN=SM-DP-admin-issued", "sm-dp.example");

        var issued = enrollmentService.enroll(new EnrollmentCommand(csr, CertificateProfile.SM_DP, null, admin, null));

        assertThat(issued.certificate().subject()).isEqualTo("CN=SM-DP-admin-issued");
        assertThatThrownBy(() -> enrollmentService.enroll(
                        new EnrollmentCommand(csr, CertificateProfile.SM_DP, null, operator, null)))
                .isInstanceOfSatisfying(
                        CaException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_AUTHORIZED));
    }

    @Test
    void renewIfDueWhenNextUpdateNearThenCrlNumberGrows() throws Exception {
        long before = crlNumber(getBytes("/crl"));
        assertThat(crlService.renewIfDue()).isFalse();

        clock.advance(Duration.ofDays(6).plusSeconds(1));

        assertThat(crlService.renewIfDue()).isTrue();
        assertThat(crlNumber(getBytes("/crl"))).isGreaterThan(before);
        assertThat(Chains.crl(getBytes("/crl")).getNextUpdate().toInstant()).isAfter(clock.instant());
    }

    @Test
    void openApiAndHealthAndMetricsWhenStartedThenServed() throws Exception {
        assertThat(get("/v3/api-docs").body()).contains("/certificates").contains("/crl");
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void enrollWhenBodyMalformedThenBadRequestProblem() throws Exception {
        Reply reply = post("/certificates", "{\"profile\":\"NO_SUCH\",\"csr\":\"x\"}", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // --- helpers

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String problemType() {
            return json().get("type").asString();
        }
    }

    private void assertRefusedAndNothingStored(String body, String token, int status, String slug) throws Exception {
        long certificates = count("issued_certificate");
        long tokensUsed = jdbc.sql("SELECT COUNT(*) FROM enrollment_token WHERE used_at IS NOT NULL")
                .query(Long.class)
                .single();

        Reply reply = send(anonymous, "/certificates", body, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.problemType()).isEqualTo("https://openrsp.io/problems/" + slug);
        assertThat(count("issued_certificate")).isEqualTo(certificates);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enrollment_token WHERE used_at IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(tokensUsed);
    }

    private Reply enroll(CertificateProfile profile, String subject, String dns, String validity) throws Exception {
        String token = token(profile, subject);
        Reply reply =
                post("/certificates", csrBody(TestCsrs.pem(TestCsrs.p256(), subject, dns), profile, validity), token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    private String token(CertificateProfile profile, String subject) throws Exception {
        Reply reply = post("/tokens", "{\"profile\":\"" + profile + "\",\"subject\":\"" + subject + "\"}", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("token").asString();
    }

    private static String csrBody(String csrPem, CertificateProfile profile, String validity) {
        return "{\"csr\":" + JSON.writeValueAsString(csrPem) + ",\"profile\":\"" + profile + "\""
                + (validity == null ? "" : ",\"validity\":\"" + validity + "\"") + "}";
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private long countWithSubject(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM issued_certificate WHERE subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    static long crlNumber(byte[] der) throws Exception {
        return io.openrsp.crypto.pki.CrlBuilder.crlNumber(Chains.crl(der)).longValueExact();
    }

    /** A POST as the admin, or, with a token, as an anonymous token holder. */
    private Reply post(String path, String body, String token) throws Exception {
        return send(token == null ? admin : anonymous, path, body, token);
    }

    private Reply send(HttpClient client, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return admin.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> response =
                admin.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    private static HttpClient https(SslContextSource context) {
        var parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        try {
            return HttpClient.newBuilder()
                    .sslContext(context.get())
                    .sslParameters(parameters)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SslContextSource {
        SSLContext get() throws IOException, GeneralSecurityException;
    }
}
