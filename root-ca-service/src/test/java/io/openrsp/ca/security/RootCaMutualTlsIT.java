package io.openrsp.ca.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.MutualTlsContract;
import io.openrsp.crypto.pki.TestPki;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@link MutualTlsContract} on the root CA, which alone answers some paths without a client certificate
 * (client-auth {@code want}): the CA certificate and CRL are served, every other path is refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "OPENRSP_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class RootCaMutualTlsIT extends MutualTlsContract {

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

    /** Replaced: the handshake succeeds without a certificate here; the two tests below say what follows. */
    @Override
    protected void handshakeWhenNoClientCertificateThenRefused() {}

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

    @Override
    protected TestPki pki() {
        return PKI;
    }

    @Override
    protected String service() {
        return SERVICE;
    }

    @Override
    protected int port() {
        return port;
    }
}
