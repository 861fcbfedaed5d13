package io.openrsp.smdp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A peer of the SM-DP in tests: an in-process JDK HTTPS server on 127.0.0.1 (ephemeral port, virtual threads) with
 * the certificate of a {@link TestPki} entity, TLS 1.3 only, that requires a client certificate. Whether the client
 * is the SM-DP is for the handler to decide ({@link #presentsSmDp}).
 */
public final class TestHttpsServer {

    private final HttpsServer server;
    private final X509Certificate smDp;

    private TestHttpsServer(HttpsServer server, X509Certificate smDp) {
        this.server = server;
        this.smDp = smDp;
    }

    /**
     * Starts a server with {@code entity}'s key and certificate (trusting the CI) that hands the requests under
     * {@code path} to {@code handler}.
     */
    public static TestHttpsServer start(TestPki pki, String entity, String path, HttpHandler handler) {
        try {
            X509Certificate smDp =
                    Pem.readCertificate(Files.readString(pki.file("sm-dp.crt"), StandardCharsets.US_ASCII));
            SSLContext context = pki.client(entity);
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
            server.createContext(path, handler);
            server.start();
            return new TestHttpsServer(server, smDp);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The https URL of {@code path} on this server. */
    public String url(String path) {
        return "https://127.0.0.1:" + port() + path;
    }

    public void stop() {
        server.stop(0);
    }

    /** Whether the client of {@code exchange} authenticated with the SM-DP's certificate. */
    public boolean presentsSmDp(HttpExchange exchange) {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0].equals(smDp);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /** Answers 403 unless the client of {@code exchange} is the SM-DP; whether it did. */
    public boolean refusedUnlessSmDp(HttpExchange exchange) throws IOException {
        if (presentsSmDp(exchange)) {
            return false;
        }
        reply(exchange, 403, "application/problem+json", "{\"title\":\"not the sm-dp\",\"status\":403}");
        return true;
    }

    /** Answers 404 with a problem. */
    public static void notFound(HttpExchange exchange) throws IOException {
        reply(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
    }

    /** Sends {@code body} (UTF-8) with {@code status} and {@code contentType}. */
    public static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
