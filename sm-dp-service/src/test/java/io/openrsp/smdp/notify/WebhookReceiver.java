package io.openrsp.smdp.notify;

import com.sun.net.httpserver.HttpExchange;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.smdp.TestHttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's webhook in tests: a {@link TestHttpsServer} with a TLS server certificate of the CI that records
 * whether the client certificate is the sm-dp one. {@code /hooks/ok/...} answers 204, {@code /hooks/down/...} 503;
 * every request is kept by path with its JSON body and content type.
 */
final class WebhookReceiver {

    /** One request as received. */
    record Received(String contentType, JsonNode body, boolean fromSmDp) {}

    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final TestHttpsServer server;

    private WebhookReceiver(TestPki pki) {
        // a TLS server certificate with SAN 127.0.0.1
        this.server = TestHttpsServer.start(pki, "euicc-simulator", "/hooks/", this::handle);
    }

    static WebhookReceiver start(TestPki pki) {
        return new WebhookReceiver(pki);
    }

    String url(String path) {
        return server.url(path);
    }

    List<Received> received(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    void stop() {
        server.stop();
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
                            server.presentsSmDp(exchange)));
            exchange.sendResponseHeaders(path.startsWith("/hooks/down/") ? 503 : 204, -1);
        }
    }
}
