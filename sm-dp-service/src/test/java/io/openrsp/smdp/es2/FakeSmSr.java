package io.openrsp.smdp.es2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessage;
import io.openrsp.rsp.es.EsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The SM-SR as the SM-DP's ES3 client meets it in tests: a JDK HTTPS server with the sm-sr certificate, TLS 1.3,
 * that requires a client certificate and serves only the sm-dp one. Each function path has an answer (set by the
 * test); every request is kept by path as received; {@link #neverAnswer} makes a path hang until {@link #stop}.
 */
final class FakeSmSr {

    private final HttpsServer server;
    private final X509Certificate smDp;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Function<byte[], EsMessage>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> received = new ConcurrentHashMap<>();

    private FakeSmSr(HttpsServer server, X509Certificate smDp) {
        this.server = server;
        this.smDp = smDp;
    }

    static FakeSmSr start(TestPki pki) {
        try {
            X509Certificate smDp =
                    Pem.readCertificate(Files.readString(pki.file("sm-dp.crt"), StandardCharsets.US_ASCII));
            SSLContext context = pki.client("sm-sr"); // the sm-sr key, trusting the CI
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
            FakeSmSr fake = new FakeSmSr(server, smDp);
            server.createContext("/gsma/es3/", fake::handle);
            server.start();
            return fake;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code path} with what {@code answer} makes of the request's JSON. */
    <T extends EsRequest> void answer(String path, Class<T> type, Function<T, EsMessage> answer) {
        answers.put(path, body -> answer.apply(EsJson.readRequest(body, type)));
    }

    /** Leaves calls to {@code path} unanswered until {@link #stop}. */
    void neverAnswer(String path) {
        answers.put(path, body -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    /** The requests received at {@code path}, read strictly, oldest first. */
    <T extends EsRequest> List<T> received(String path, Class<T> type) {
        return received.getOrDefault(path, List.of()).stream()
                .map(body -> EsJson.readRequest(body, type))
                .toList();
    }

    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!presentsSmDp((HttpsExchange) exchange)) {
                reply(exchange, 403, "application/problem+json", "{\"title\":\"not the sm-dp\",\"status\":403}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
            Function<byte[], EsMessage> answer = answers.get(path);
            if (answer == null) {
                reply(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            EsMessage response = answer.apply(body);
            if (response != null) {
                reply(exchange, 200, "application/json", EsJson.toJson(response));
            }
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

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
