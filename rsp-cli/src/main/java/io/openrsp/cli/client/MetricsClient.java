package io.openrsp.cli.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * A service's Prometheus metrics, {@code GET /actuator/prometheus}, which every service serves to ADMIN client
 * certificates only (DESIGN.md §8). The classic text format is asked for, not OpenMetrics.
 */
public final class MetricsClient {

    public static final String PATH = "/actuator/prometheus";

    /** Prometheus text exposition format 0.0.4. */
    static final String TEXT_FORMAT = "text/plain;version=0.0.4";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient admin;

    /** @param admin a client presenting an ADMIN certificate */
    public MetricsClient(HttpClient admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /**
     * The exposition text of the service at {@code base}.
     *
     * @param service the service's module name, for messages
     * @throws ClientException HTTP_STATUS when the service answers other than 200 (404 when it exposes no
     *     Prometheus endpoint, 403 when the certificate is not ADMIN), TRANSPORT or TIMEOUT when it does not answer
     */
    public String scrape(URI base, String service) throws ClientException, InterruptedException {
        return new JsonHttp(admin, base, service, REQUEST_TIMEOUT).getText(PATH, TEXT_FORMAT);
    }
}
