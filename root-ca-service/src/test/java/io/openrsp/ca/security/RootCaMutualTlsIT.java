package io.openrsp.ca.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openrsp.crypto.pki.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DESIGN.md §9 over real sockets: TLS 1.3 only with the allowed suites, a client certificate from the CI
 * required except on the public CA certificate and CRL, the certificate's role checked, and a certificate
 * renewed on disk served without a restart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "OPENRSP_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class RootCaMutualTlsIT {

    private static final String SERVICE = "root-ca-service";
    private static final TestPki PKI = TestPki.create();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pki(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file(SERVICE + ".crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file(SERVICE + ".key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "100ms");
        // The CA serves the same CI the TLS layer trusts.
        registry.add("openrsp.ca.import-certificate", () -> PKI.file("ci.crt").toString());
        registry.add("openrsp.ca.import-key", () -> PKI.file("ci.key").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ca-tls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @Test
    void healthWhenTls13WithOperatorCertificateThenUpOverAllowedSuite() throws Exception {
        HttpResponse<String> response = get(PKI.client("operator-1"), "TLSv1.3", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        SSLSession session = response.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite())
                .isIn("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");
    }

    @Test
    void handshakeWhenClientOffersOnlyTls12ThenRefused() {
        assertThatThrownBy(() -> get(PKI.client("operator-1"), "TLSv1.2", "/actuator/health"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("protocol_version");
    }

    @Test
    void publicationWhenNoClientCertificateThenServed() throws Exception {
        HttpResponse<String> certificate = get(PKI.anonymousClient(), "TLSv1.3", "/ca.crt");
        HttpResponse<String> crl = get(PKI.anonymousClient(), "TLSv1.3", "/crl");

        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.body()).contains("-----BEGIN CERTIFICATE-----");
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
    }

    @Test
    void protectedPathWhenNoClientCertificateThenForbiddenProblem() throws Exception {
        for (String path : new String[] {"/actuator/health", "/certificates"}) {
            HttpResponse<String> response = get(PKI.anonymousClient(), "TLSv1.3", path);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).as(path).contains("A client certificate issued by the CI is required");
        }
    }

    @Test
    void handshakeWhenClientCertificateFromForeignCaThenRefused() {
        assertThatThrownBy(() -> get(PKI.foreignClient("operator-1"), "TLSv1.3", "/actuator/health"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
    }

    @Test
    void healthWhenCertificateGrantsNoRoleThenForbiddenProblem() throws Exception {
        // The EUM's CA certificate chains to the CI, so the handshake accepts it; RoleMapper refuses a CA.
        HttpResponse<String> response = get(PKI.client("eum"), "TLSv1.3", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":403")
                .contains("\"refusal\":\"CA_CERTIFICATE\"")
                .doesNotContain("Exception");
    }

    @Test
    void adminEndpointWhenOperatorThenForbiddenProblem() throws Exception {
        HttpResponse<String> response = get(PKI.client("operator-1"), "TLSv1.3", "/actuator/info");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":403").contains("role may not call");
    }

    @Test
    void adminEndpointWhenAdminThenOk() throws Exception {
        assertThat(get(PKI.client("admin"), "TLSv1.3", "/actuator/info").statusCode())
                .isEqualTo(200);
    }

    @Test
    void serverCertificateWhenRenewedOnDiskThenServedWithoutRestart() throws Exception {
        BigInteger before = servedSerial();

        BigInteger renewed = PKI.renew(SERVICE);

        assertThat(renewed).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(servedSerial()).isEqualTo(renewed));
    }

    private BigInteger servedSerial() throws Exception {
        SSLSession session = get(PKI.client("admin"), "TLSv1.3", "/actuator/health")
                .sslSession()
                .orElseThrow();
        return ((X509Certificate) session.getPeerCertificates()[0]).getSerialNumber();
    }

    /** A GET on a new client, so a new connection and a full handshake. */
    private HttpResponse<String> get(SSLContext context, String protocol, String path) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
