package io.openrsp.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * A man in the middle on ES3 (DESIGN.md §3.1) for negative tests: an HTTPS server the SM-DP takes for its SM-SR
 * (TLS 1.3, client certificate required and chained to the CI, the SM-SR's own certificate) that forwards every
 * function call to the real SM-SR as the SM-DP (its client certificate) and hands the answer back. Per EID, a test
 * sets a {@link Tamper} that may rewrite the request before it goes on and the response before it comes back; calls
 * for other EIDs pass through untouched, so tests on other cards are not disturbed.
 *
 * <p>The proxy counts, per EID, the exchanges a tamper actually changed, so a test can check that its manipulation
 * happened instead of passing on an unrelated failure. A tamper that throws answers the SM-DP with HTTP 502 and is
 * recorded in {@link #errors()}.
 */
final class TamperingEs3Proxy implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Rewrites the ES3 traffic of one card; each method returns its input to leave it as it is. */
    interface Tamper {

        /** The request body the SM-SR receives for the SM-DP's {@code body} to {@code path}. */
        default byte[] request(String path, byte[] body) throws Exception {
            return body;
        }

        /** The response body the SM-DP receives; {@code request} is what went to the SM-SR. */
        default byte[] response(String path, byte[] request, byte[] body) throws Exception {
            return body;
        }
    }

    private static final Tamper PASS_THROUGH = new Tamper() {};

    private final HttpsServer server;
    private final ExecutorService executor;
    private final HttpClient smsrClient;
    private final URI smsr;
    private final Map<String, Tamper> tampers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tampered = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private TamperingEs3Proxy(HttpsServer server, ExecutorService executor, HttpClient smsrClient, URI smsr) {
        this.server = server;
        this.executor = executor;
        this.smsrClient = smsrClient;
        this.smsr = smsr;
    }

    /**
     * Listens on a free loopback port.
     *
     * @param serverContext the identity the proxy shows the SM-DP (a CI-issued TLS server certificate for
     *     127.0.0.1) and the trust it checks the SM-DP's client certificate with
     * @param smsrClient a client presenting the SM-DP's certificate, for the calls to the SM-SR
     */
    static TamperingEs3Proxy start(SSLContext serverContext, HttpClient smsrClient, URI smsr) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = serverContext.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.3"});
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        TamperingEs3Proxy proxy = new TamperingEs3Proxy(server, executor, smsrClient, smsr);
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, rewrites the traffic of {@code eid} with {@code tamper}. */
    void tamper(String eid, Tamper tamper) {
        tampers.put(eid, tamper);
    }

    /** How many exchanges of {@code eid} a tamper changed (request or response). */
    int tamperedExchanges(String eid) {
        AtomicInteger count = tampered.get(eid);
        return count == null ? 0 : count.get();
    }

    /** Tampers that failed, with the path and the error; a test expects none. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String eid = eidOf(body);
            Tamper tamper = eid == null ? PASS_THROUGH : tampers.getOrDefault(eid, PASS_THROUGH);
            try {
                byte[] forwarded = tamper.request(path, body);
                HttpResponse<byte[]> response = smsrClient.send(
                        HttpRequest.newBuilder(smsr.resolve(path))
                                .timeout(Duration.ofMinutes(5))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(forwarded))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                byte[] answer = response.statusCode() == 200
                        ? tamper.response(path, forwarded, response.body())
                        : response.body();
                if (!Arrays.equals(forwarded, body) || !Arrays.equals(answer, response.body())) {
                    tampered.computeIfAbsent(eid, e -> new AtomicInteger()).incrementAndGet();
                }
                exchange.getResponseHeaders()
                        .set(
                                "Content-Type",
                                response.headers().firstValue("Content-Type").orElse("application/json"));
                send(exchange, response.statusCode(), answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 502, new byte[0]);
            } catch (Exception e) {
                errors.add(path + " for " + eid + ": " + e);
                send(exchange, 502, new byte[0]);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The {@code eid} of an ES3 request envelope, or null when the body has none (or is not JSON). */
    private static String eidOf(byte[] body) {
        try {
            String eid = JSON.readTree(new String(body, StandardCharsets.UTF_8))
                    .path("eid")
                    .asString(null);
            return eid == null || eid.isEmpty() ? null : eid;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
