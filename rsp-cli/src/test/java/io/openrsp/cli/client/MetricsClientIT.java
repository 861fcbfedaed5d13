package io.openrsp.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.PkiBootstrap;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MetricsClient} against a TLS 1.3 server on a real socket that plays a service's actuator: it requires the
 * client certificate and answers {@code /actuator/prometheus} with a chosen status, with a PKI made at test time.
 */
class MetricsClientIT {

    private static final String EXPOSITION = """
            # HELP openrsp_es5_handshakes_total PSK-TLS handshakes
            # TYPE openrsp_es5_handshakes_total counter
            openrsp_es5_handshakes_total{alert="none",outcome="success"} 12.0
            """;

    @TempDir
    static Path pki;

    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private final List<String> clients = new CopyOnWriteArrayList<>();
    private HttpsServer server;

    @BeforeAll
    static void createPki() throws Exception {
        PkiBootstrap.of(PkiBootstrap.Settings.defaults(), Clock.systemUTC(), new SecureRandom())
                .init(pki, false);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void scrapeWhenServedThenTheTextAskedForAsPrometheusTextWithTheAdminCertificate() throws Exception {
        URI base = startService(200, "text/plain;version=0.0.4;charset=utf-8", EXPOSITION);

        String text = new MetricsClient(HttpsClients.client(HttpsClients.Identity.inPki(pki, "admin")))
                .scrape(base, "sm-sr-service");

        assertThat(text).isEqualTo(EXPOSITION);
        assertThat(accepts).containsExactly("text/plain;version=0.0.4");
        assertThat(clients).singleElement().asString().startsWith("CN=Admin");
    }

    @Test
    void scrapeWhenNoPrometheusEndpointThenHttpStatus404NamingTheService() throws Exception {
        URI base = startService(404, "application/problem+json", """
                {"type":"about:blank","title":"Not Found","status":404}""");

        assertThatThrownBy(() -> new MetricsClient(HttpsClients.client(HttpsClients.Identity.inPki(pki, "admin")))
                        .scrape(base, "sm-dp-service"))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ClientException.Reason.HTTP_STATUS);
                    assertThat(e.service()).isEqualTo("sm-dp-service");
                })
                .hasMessageContaining("/actuator/prometheus (sm-dp-service) answered HTTP 404: Not Found");
    }

    @Test
    void scrapeWhenNotAdminThenHttpStatus403WithTheDetail() throws Exception {
        URI base = startService(403, "application/problem+json", """
                {"status":403,"detail":"role ADMIN required"}""");

        assertThatThrownBy(() -> new MetricsClient(HttpsClients.client(HttpsClients.Identity.inPki(pki, "operator-1")))
                        .scrape(base, "root-ca-service"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("answered HTTP 403: role ADMIN required");
    }

    private URI startService(int status, String contentType, String body) throws Exception {
        SSLContext context = HttpsClients.context(new HttpsClients.Identity(
                pki.resolve("sm-sr.crt"), pki.resolve("sm-sr.key"), pki.resolve("trust-bundle.pem")));
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
        server.createContext(MetricsClient.PATH, exchange -> {
            accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
            clients.add(((X509Certificate)
                            ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
                    .getSubjectX500Principal()
                    .getName());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }
}
