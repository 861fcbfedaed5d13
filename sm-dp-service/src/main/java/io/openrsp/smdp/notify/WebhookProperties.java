package io.openrsp.smdp.notify;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §3 (ES2 notifications back to the operator, by webhook): where and how the SM-DP posts operator events
 * ({@code openrsp.smdp.webhooks.*}), validated at start-up. Holds no secret: the TLS identity is the service's
 * {@code server} SSL bundle, and a URL with user info is refused.
 *
 * <p>A delivery is tried once and then up to {@link #retries()} more times, after {@link #backoff()}, twice that, four
 * times that..., when the attempt failed in a way a retry can fix (no connection, time-out, HTTP 5xx, 408, 429).
 * At most {@link #queueCapacity()} deliveries are under way (first attempt or waiting for a retry); an event beyond
 * that is dropped and counted.
 *
 * @param urls operator id (the CN of its certificate, e.g. {@code Operator-1}; matched ignoring case) to its webhook's
 *     https URL (default none: no operator is notified). In YAML write the key in brackets, {@code "[Operator-1]"}
 * @param timeout limit on connecting and on waiting for the answer's status, per attempt (default 5 s)
 * @param retries attempts after the first one (default 3, at most 10)
 * @param backoff wait before the first retry, doubled for each next one (default 1 s, at most 1 h)
 * @param queueCapacity deliveries under way at once (default 1,000)
 */
@ConfigurationProperties("openrsp.smdp.webhooks")
public record WebhookProperties(
        Map<String, URI> urls,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("1000") int queueCapacity) {

    /** More retries than this only delay the failure report: the backoff doubles each time. */
    static final int MAX_RETRIES = 10;

    /** The longest first backoff: a longer one would only hold events in memory for days. */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    public WebhookProperties {
        Map<String, URI> byOperator = new HashMap<>();
        if (urls != null) {
            urls.forEach((operator, url) -> {
                String key = "openrsp.smdp.webhooks.urls[" + operator + "]";
                requireHttps(key, url);
                if (byOperator.put(operator.toLowerCase(Locale.ROOT), url) != null) {
                    throw new IllegalArgumentException(key + " is set twice (operator ids are matched ignoring case)");
                }
            });
        }
        urls = Map.copyOf(byOperator);
        requirePositive("openrsp.smdp.webhooks.timeout", timeout);
        requirePositive("openrsp.smdp.webhooks.backoff", backoff);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("openrsp.smdp.webhooks.backoff must be at most " + MAX_BACKOFF);
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("openrsp.smdp.webhooks.retries must be between 0 and " + MAX_RETRIES);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("openrsp.smdp.webhooks.queue-capacity must be positive");
        }
    }

    /** The webhook of {@code operator}, if one is configured. */
    public Optional<URI> urlOf(String operator) {
        return Optional.ofNullable(urls.get(operator.toLowerCase(Locale.ROOT)));
    }

    private static void requireHttps(String key, URI url) {
        if (url == null
                || !url.isAbsolute()
                || !"https".equalsIgnoreCase(url.getScheme())
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    key + " must be an https URL with a host, and without user info or fragment");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
