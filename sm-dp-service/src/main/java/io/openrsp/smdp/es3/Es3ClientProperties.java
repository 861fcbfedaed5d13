package io.openrsp.smdp.es3;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §3.1 and §8: how the SM-DP reaches the SM-SR's ES3 functions ({@code openrsp.smdp.es3.*}), validated at
 * start-up. Holds no secret: the TLS identity is the service's {@code server} SSL bundle.
 *
 * <p>A call waits for its answer the request's {@code validityPeriod} (or {@link #defaultTimeout()} when the
 * function or the caller gives none) plus {@link #timeoutMargin()}: the SM-SR answers {@code Expired} at the end of
 * the validity period, and the margin lets that in-band answer arrive before the client gives up.
 *
 * @param smsrUrl the SM-SR's HTTPS base URL; function paths are appended (default {@code https://127.0.0.1:8442})
 * @param id this SM-DP's {@code functionRequesterIdentifier} (default {@code SM-DP-1})
 * @param defaultTimeout the wait when the request carries no validity period (default 60 s, the SM-SR's default
 *     validity period)
 * @param timeoutMargin added to the validity period (default 5 s)
 * @param connectTimeout limit on opening the TCP connection (default 10 s)
 */
@ConfigurationProperties("openrsp.smdp.es3")
public record Es3ClientProperties(
        @DefaultValue("https://127.0.0.1:8442") URI smsrUrl,
        @DefaultValue("SM-DP-1") String id,
        @DefaultValue("60s") Duration defaultTimeout,
        @DefaultValue("5s") Duration timeoutMargin,
        @DefaultValue("10s") Duration connectTimeout) {

    public Es3ClientProperties {
        if (smsrUrl == null
                || !"https".equalsIgnoreCase(smsrUrl.getScheme())
                || smsrUrl.getHost() == null
                || smsrUrl.getRawQuery() != null
                || smsrUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "openrsp.smdp.es3.smsr-url must be an https URL with a host, no query and no fragment");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("openrsp.smdp.es3.id must be set");
        }
        requirePositive("openrsp.smdp.es3.default-timeout", defaultTimeout);
        requirePositive("openrsp.smdp.es3.connect-timeout", connectTimeout);
        if (timeoutMargin == null || timeoutMargin.isNegative()) {
            throw new IllegalArgumentException("openrsp.smdp.es3.timeout-margin must not be negative");
        }
    }

    /** How long a call with {@code validityPeriod} seconds (null: none given) waits for its answer. */
    public Duration timeout(Integer validityPeriod) {
        Duration validity = validityPeriod == null ? defaultTimeout : Duration.ofSeconds(validityPeriod);
        return validity.plus(timeoutMargin);
    }

    /** The URL of the function at {@code path} (e.g. {@code /gsma/es3/createISDP}). */
    public URI functionUrl(String path) {
        String base = smsrUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
