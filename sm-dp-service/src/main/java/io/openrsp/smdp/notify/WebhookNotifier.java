package io.openrsp.smdp.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN.md §3 (ES2 notifications back to the operator, by webhook): posts a {@link WebhookEvent} as JSON to the
 * operator's URL ({@link WebhookProperties#urls()}) over HTTPS, TLS 1.3 with the SM-DP's {@code server} SSL bundle as
 * client identity, so the receiver can authenticate the SM-DP, and trusting the CI: the receiver's certificate must
 * chain to the CI, like every other peer of this platform.
 *
 * <p>Asynchronous: {@link #send} returns at once; attempts run on the HTTP client's virtual threads, retries are
 * scheduled (never a sleeping thread). Only a 2xx answer is a delivery. Retried: no connection, time-out, HTTP 5xx,
 * 408 and 429; any other answer fails at once, as a retry would get the same. Each event ends counted in
 * {@code openrsp.smdp.webhook.deliveries} with tag {@code outcome} ({@code delivered}, {@code failed},
 * {@code dropped}: the queue was full) and {@code event}; a failure is logged with the operator, event, EID and ICCID,
 * never the body or the URL (which may carry the operator's token).
 *
 * <p>Deviation: deliveries are held in memory only: events under way when the service stops are lost (the order's
 * state stays readable with {@code GET /orders/{id}}, the card's with GetEIS).
 */
public final class WebhookNotifier implements AutoCloseable {

    static final String DELIVERIES = "openrsp.smdp.webhook.deliveries";

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final ScheduledExecutorService retries;
    private final AtomicInteger underWay = new AtomicInteger();
    private volatile HttpClient client;

    WebhookNotifier(WebhookProperties properties, MeterRegistry meters, HttpClient client) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.client = Objects.requireNonNull(client, "client");
        // One thread that only starts attempts (sendAsync does not block), so it never queues behind a slow receiver.
        this.retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-retry").daemon().factory());
    }

    /** An HTTPS client presenting the bundle's key, trusting its trust store, with its TLS options; virtual threads. */
    static HttpClient httpClient(SslBundle bundle, Duration connectTimeout) {
        SslOptions options = bundle.getOptions();
        SSLContext context = bundle.createSslContext();
        SSLParameters parameters = context.getDefaultSSLParameters();
        String[] protocols = options.getEnabledProtocols();
        parameters.setProtocols(protocols != null ? protocols : new String[] {"TLSv1.3"});
        if (options.getCiphers() != null) {
            parameters.setCipherSuites(options.getCiphers());
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

    /** Switches to a client built from a renewed SSL bundle; attempts under way finish on the old one. */
    void replaceClient(HttpClient renewed) {
        HttpClient old = client;
        client = Objects.requireNonNull(renewed, "renewed");
        old.shutdown();
    }

    /**
     * Posts {@code event} to {@code operator}'s webhook, if one is configured; returns at once.
     *
     * @return whether a delivery started (false: no webhook for this operator, or the queue is full)
     */
    public boolean send(String operator, WebhookEvent event) {
        Objects.requireNonNull(event, "event");
        Optional<URI> url = properties.urlOf(Objects.requireNonNull(operator, "operator"));
        if (url.isEmpty()) {
            log.debug("no webhook for operator {}: {} for ICCID {} not sent", operator, event.event(), event.iccid());
            return false;
        }
        if (underWay.incrementAndGet() > properties.queueCapacity()) {
            underWay.decrementAndGet();
            count(event, "dropped");
            log.warn(
                    "webhook {} for operator {} (EID {}, ICCID {}) dropped: {} deliveries under way",
                    event.event().wireValue(),
                    operator,
                    event.eid(),
                    event.iccid(),
                    properties.queueCapacity());
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(url.get())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(event)))
                .build();
        attempt(new Delivery(operator, event, request), 1);
        return true;
    }

    private void attempt(Delivery delivery, int attempt) {
        CompletableFuture<HttpResponse<Void>> response;
        try {
            response = client.sendAsync(delivery.request(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) { // e.g. the client was shut down by a bundle renewal just now
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((answer, failure) -> ended(delivery, attempt, answer, failure));
    }

    private void ended(
            Delivery delivery, int attempt, @Nullable HttpResponse<Void> answer, @Nullable Throwable failure) {
        int status = answer == null ? 0 : answer.statusCode();
        if (failure == null && status / 100 == 2) {
            finish(delivery, "delivered");
            log.debug(
                    "webhook {} for operator {} (ICCID {}) delivered, attempt {}",
                    delivery.event().event().wireValue(),
                    delivery.operator(),
                    delivery.event().iccid(),
                    attempt);
            return;
        }
        String why = failure != null ? cause(failure).getClass().getSimpleName() : "HTTP " + status;
        boolean retryable = failure != null || status >= 500 || status == 408 || status == 429;
        if (retryable && attempt <= properties.retries()) {
            long delay = properties.backoff().toNanos() << (attempt - 1);
            try {
                retries.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.NANOSECONDS);
                log.debug(
                        "webhook for operator {}: attempt {} failed ({}), retrying", delivery.operator(), attempt, why);
                return;
            } catch (RejectedExecutionException e) {
                why += ", no retry: the service is stopping";
            }
        }
        finish(delivery, "failed");
        log.warn(
                "webhook {} for operator {} (EID {}, ICCID {}) failed after {} attempt(s): {}",
                delivery.event().event().wireValue(),
                delivery.operator(),
                delivery.event().eid(),
                delivery.event().iccid(),
                attempt,
                why);
    }

    private void finish(Delivery delivery, String outcome) {
        underWay.decrementAndGet();
        count(delivery.event(), outcome);
    }

    private void count(WebhookEvent event, String outcome) {
        Counter.builder(DELIVERIES)
                .description("Operator webhook events by final outcome")
                .tag("outcome", outcome)
                .tag("event", event.event().wireValue())
                .register(meters)
                .increment();
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Stops scheduling retries; attempts under way finish on the HTTP client. */
    @Override
    public void close() {
        retries.shutdownNow();
        client.shutdown();
    }

    /** One event on its way to one operator. */
    private record Delivery(String operator, WebhookEvent event, HttpRequest request) {}
}
