package io.openrsp.smdp.es3;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessageException;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.RequestHeader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GSMA SGP.02 v4.2 §5.4, ES3 seen from the SM-DP: one method per function the SM-DP calls on the SM-SR, each
 * taking the function's request record from {@link Es3} and returning its response record. DESIGN.md §3.1 binding:
 * {@code POST <openrsp.smdp.es3.smsr-url><function path>} with the JSON envelope ({@link EsJson}), HTTP/1.1 over
 * TLS 1.3 with the service's own {@code server} SSL bundle (the SM-DP certificate, role SMDP).
 *
 * <p>The function's outcome, {@code Failed} and {@code Expired} included, is the returned response's header; only a
 * call that produced no function response throws {@link Es3TransportException}. A call waits the request's validity
 * period (or the configured default) plus a margin ({@link Es3ClientProperties#timeout}), so the SM-SR's in-band
 * {@code Expired} can arrive before the client gives up; a time-out is a failure, never a guessed success.
 *
 * <p>Every call is timed in {@link EsCallMetrics} ({@code role=client}) with the answer's status, or
 * {@code transport-error} when it throws {@link Es3TransportException}.
 *
 * <p>Request and response bodies are never logged: {@code SendData} carries protected profile data. The HTTP
 * client follows renewals of the SSL bundle ({@link #replaceClient}).
 */
public final class Es3Client {

    private static final Logger log = LoggerFactory.getLogger(Es3Client.class);

    private static final String JSON = "application/json";

    private final Es3ClientProperties properties;
    private final SecureRandom random;
    private final EsCallMetrics metrics;
    private volatile HttpClient client;

    Es3Client(Es3ClientProperties properties, SecureRandom random, EsCallMetrics metrics, HttpClient client) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.random = Objects.requireNonNull(random, "random");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** An HTTPS client presenting the bundle's key and trusting its trust store, with the bundle's TLS options. */
    static HttpClient httpClient(SslBundle bundle, Duration connectTimeout) {
        SslOptions options = bundle.getOptions();
        return httpClient(
                bundle.createSslContext(), options.getEnabledProtocols(), options.getCiphers(), connectTimeout);
    }

    /**
     * An HTTPS client on {@code context}, limited to {@code protocols} (TLS 1.3 if null) and {@code ciphers} (the
     * context's defaults if null), HTTP/1.1, its work on virtual threads.
     */
    static HttpClient httpClient(
            SSLContext context, String @Nullable [] protocols, String @Nullable [] ciphers, Duration connectTimeout) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols != null ? protocols : new String[] {"TLSv1.3"});
        if (ciphers != null) {
            parameters.setCipherSuites(ciphers);
        }
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Switches to a client built from a renewed SSL bundle; calls under way finish on the old one. */
    void replaceClient(HttpClient renewed) {
        HttpClient old = client;
        client = Objects.requireNonNull(renewed, "renewed");
        old.shutdown();
    }

    /** A request header naming this SM-DP ({@code openrsp.smdp.es3.id}) with a fresh random UUID as call id. */
    public RequestHeader header() {
        return new RequestHeader(properties.id(), randomUuid().toString());
    }

    /** §5.4.1 ES3.GetEIS. */
    public Es3.GetEis.Response getEis(Es3.GetEis.Request request) throws Es3TransportException {
        return call(Es3.GetEis.NAME, Es3.GetEis.PATH, request, null, Es3.GetEis.Response.class);
    }

    /** §5.4.2 ES3.AuditEIS. */
    public Es3.AuditEis.Response auditEis(Es3.AuditEis.Request request) throws Es3TransportException {
        return call(
                Es3.AuditEis.NAME, Es3.AuditEis.PATH, request, request.validityPeriod(), Es3.AuditEis.Response.class);
    }

    /** §5.4.3 ES3.CreateISDP. */
    public Es3.CreateIsdp.Response createIsdp(Es3.CreateIsdp.Request request) throws Es3TransportException {
        return call(
                Es3.CreateIsdp.NAME,
                Es3.CreateIsdp.PATH,
                request,
                request.validityPeriod(),
                Es3.CreateIsdp.Response.class);
    }

    /** §5.4.4 ES3.SendData (ES8 traffic; its bytes never reach a log). */
    public Es3.SendData.Response sendData(Es3.SendData.Request request) throws Es3TransportException {
        return call(
                Es3.SendData.NAME, Es3.SendData.PATH, request, request.validityPeriod(), Es3.SendData.Response.class);
    }

    /** §5.4.5 ES3.ProfileDownloadCompleted. */
    public Es3.ProfileDownloadCompleted.Response profileDownloadCompleted(Es3.ProfileDownloadCompleted.Request request)
            throws Es3TransportException {
        return call(
                Es3.ProfileDownloadCompleted.NAME,
                Es3.ProfileDownloadCompleted.PATH,
                request,
                request.validityPeriod(),
                Es3.ProfileDownloadCompleted.Response.class);
    }

    /** §5.4.6 ES3.UpdatePolicyRules. */
    public Es3.UpdatePolicyRules.Response updatePolicyRules(Es3.UpdatePolicyRules.Request request)
            throws Es3TransportException {
        return call(
                Es3.UpdatePolicyRules.NAME,
                Es3.UpdatePolicyRules.PATH,
                request,
                request.validityPeriod(),
                Es3.UpdatePolicyRules.Response.class);
    }

    /** §5.4.9 ES3.EnableProfile. */
    public Es3.EnableProfile.Response enableProfile(Es3.EnableProfile.Request request) throws Es3TransportException {
        return call(
                Es3.EnableProfile.NAME,
                Es3.EnableProfile.PATH,
                request,
                request.validityPeriod(),
                Es3.EnableProfile.Response.class);
    }

    /** §5.4.10 ES3.DisableProfile. */
    public Es3.DisableProfile.Response disableProfile(Es3.DisableProfile.Request request) throws Es3TransportException {
        return call(
                Es3.DisableProfile.NAME,
                Es3.DisableProfile.PATH,
                request,
                request.validityPeriod(),
                Es3.DisableProfile.Response.class);
    }

    /** §5.4.11 ES3.DeleteISDP. */
    public Es3.DeleteIsdp.Response deleteIsdp(Es3.DeleteIsdp.Request request) throws Es3TransportException {
        return call(
                Es3.DeleteIsdp.NAME,
                Es3.DeleteIsdp.PATH,
                request,
                request.validityPeriod(),
                Es3.DeleteIsdp.Response.class);
    }

    private <R extends EsResponse> R call(
            String function, String path, EsRequest request, @Nullable Integer validityPeriod, Class<R> type)
            throws Es3TransportException {
        EsCallMetrics.Call timing = metrics.start(EsCallMetrics.EsInterface.ES3, function, EsCallMetrics.Role.CLIENT);
        try {
            return timing.answered(exchange(function, path, request, validityPeriod, type));
        } catch (Es3TransportException e) {
            timing.transportError();
            throw e;
        }
    }

    /** Sends the request and reads the function's response; anything else throws. */
    private <R extends EsResponse> R exchange(
            String function, String path, EsRequest request, @Nullable Integer validityPeriod, Class<R> type)
            throws Es3TransportException {
        Duration timeout = properties.timeout(validityPeriod);
        HttpRequest httpRequest = HttpRequest.newBuilder(properties.functionUrl(path))
                .timeout(timeout)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(EsJson.toJsonBytes(request)))
                .build();
        String callId = request.header().functionCallIdentifier();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(function, httpRequest, timeout);
        int status = response.statusCode();
        if (status / 100 != 2) {
            log.debug("ES3 {} call {}: HTTP {}", function, callId, status);
            throw Es3TransportException.httpStatus(function, status, problemTitle(response));
        }
        R result;
        try {
            result = EsJson.readResponse(response.body(), type);
        } catch (EsMessageException e) {
            log.debug("ES3 {} call {}: unreadable response ({})", function, callId, e.reason());
            throw Es3TransportException.malformedResponse(function, e.getMessage());
        }
        log.debug(
                "ES3 {} call {}: {} in {} ms",
                function,
                callId,
                result.header().functionExecutionStatus().status(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }

    /**
     * Sends and waits at most {@code timeout} for the whole answer, body included (the JDK's request time-out stops
     * at the response headers). An interrupted wait is reported as a time-out: in both cases the outcome at the
     * SM-SR is unknown.
     */
    private HttpResponse<byte[]> send(String function, HttpRequest request, Duration timeout)
            throws Es3TransportException {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw Es3TransportException.timeout(function, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw Es3TransportException.timeout(function, timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw Es3TransportException.timeout(function, timeout);
            }
            if (cause instanceof IOException || cause instanceof IllegalStateException) {
                // IllegalStateException: the client was shut down by a bundle renewal while this call was queued
                throw Es3TransportException.connect(function, cause);
            }
            throw new IllegalStateException("ES3 " + function + " failed unexpectedly", cause);
        }
    }

    /** The RFC 9457 problem's title, if the body is one; anything else is ignored. */
    private static @Nullable String problemTitle(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.contains("json") || response.body().length == 0) {
            return null;
        }
        try {
            JsonNode title = JsonMapper.shared().readTree(response.body()).get("title");
            return title != null && title.isString() ? title.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** An RFC 9562 version 4 UUID from the injected random source. */
    private UUID randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
