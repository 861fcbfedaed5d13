package io.openrsp.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §9 over real sockets, the same for every service that requires client certificates: TLS 1.3 only
 * with the allowed suites, a client certificate from the CI required, the certificate's role checked, and a
 * certificate renewed on disk served without a restart. A service's IT extends this, starts the service on
 * {@link #pki()}'s files and says which port and which of the PKI's entities it serves as.
 */
public abstract class MutualTlsContract {

    /** The PKI the service was started with. */
    protected abstract TestPki pki();

    /** The service's entity in the PKI ({@code sm-dp} for {@code sm-dp.crt}). */
    protected abstract String service();

    /** The service's HTTPS port. */
    protected abstract int port();

    @Test
    void healthWhenTls13WithOperatorCertificateThenUpOverAllowedSuite() throws Exception {
        HttpResponse<String> response = get(pki().client("operator-1"), "TLSv1.3", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        SSLSession session = response.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite())
                .isIn("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");
    }

    @Test
    void handshakeWhenClientOffersOnlyTls12ThenRefused() {
        assertThatThrownBy(() -> get(pki().client("operator-1"), "TLSv1.2", "/actuator/health"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("protocol_version");
    }

    /** A service that answers some paths without a client certificate overrides this (without {@code @Test}). */
    @Test
    protected void handshakeWhenNoClientCertificateThenRefused() {
        assertThatThrownBy(() -> get(pki().anonymousClient(), "TLSv1.3", "/actuator/health"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_required");
    }

    @Test
    void handshakeWhenClientCertificateFromForeignCaThenRefused() {
        assertThatThrownBy(() -> get(pki().foreignClient("operator-1"), "TLSv1.3", "/actuator/health"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
    }

    @Test
    void healthWhenCertificateGrantsNoRoleThenForbiddenProblem() throws Exception {
        // The EUM's CA certificate chains to the CI, so the handshake accepts it; RoleMapper refuses a CA.
        HttpResponse<String> response = get(pki().client("eum"), "TLSv1.3", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":403")
                .contains("\"refusal\":\"CA_CERTIFICATE\"")
                .doesNotContain("Exception");
    }

    @Test
    void adminEndpointWhenOperatorThenForbiddenProblem() throws Exception {
        HttpResponse<String> response = get(pki().client("operator-1"), "TLSv1.3", "/actuator/info");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":403").contains("role may not call");
    }

    @Test
    void adminEndpointWhenAdminThenOk() throws Exception {
        assertThat(get(pki().client("admin"), "TLSv1.3", "/actuator/info").statusCode())
                .isEqualTo(200);
    }

    @Test
    void serverCertificateWhenRenewedOnDiskThenServedWithoutRestart() throws Exception {
        BigInteger before = servedSerial();

        BigInteger renewed = pki().renew(service());

        assertThat(renewed).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(servedSerial()).isEqualTo(renewed));
    }

    private BigInteger servedSerial() throws Exception {
        SSLSession session = get(pki().client("admin"), "TLSv1.3", "/actuator/health")
                .sslSession()
                .orElseThrow();
        return ((X509Certificate) session.getPeerCertificates()[0]).getSerialNumber();
    }

    /** A GET on a new client, so a new connection and a full handshake. */
    protected HttpResponse<String> get(SSLContext context, String protocol, String path) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
