package io.openrsp.smdp.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's webhook in tests: a JDK HTTPS server with a TLS server certificate of the CI, TLS 1.3, that requires a
 * client certificate and accepts only the sm-dp one. {@code /hooks/ok/...} answers 204, {@code /hooks/down/...} 503;
 * every request is kept by path with its JSON body and content type.
 */
final class WebhookReceiver {

    /** One request as received. */
    record Received(String contentType, JsonNode body, boolean fromSmDp) {}

    private final HttpsServer server;
    private final X509Certificate smDp;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpsServer server, X509Certificate smDp) {
        this.server = server;
        this.smDp = smDp;
    }

    static WebhookReceiver start(TestPki pki) {
        try {
            X509Certificate smDp =
                    Pem.readCertificate(Files.readString(pki.file("sm-dp.crt"), StandardCharsets.US_ASCII));
            SSLContext context = pki.client("euicc-simulator"); // a TLS server certificate with SAN 127.0.0.1
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setProtocols(new String[] {"TLSv1.3"});
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            WebhookReceiver receiver = new WebhookReceiver(server, smDp);
            server.createContext("/hooks/", receiver::handle);
            server.start();
            return receiver;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            JsonMapper.shared().readTree(body),
                            presentsSmDp((HttpsExchange) exchange)));
            exchange.sendResponseHeaders(path.startsWith("/hooks/down/") ? 503 : 204, -1);
        }
    }

    private boolean presentsSmDp(HttpsExchange exchange) {
        try {
            Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0].equals(smDp);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }
}
