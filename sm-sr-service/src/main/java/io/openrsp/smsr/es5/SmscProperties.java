package io.openrsp.smsr.es5;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §3.2: where the SM-SR hands its push SMS to the network ({@code openrsp.smsc.*}): in this platform the
 * simulator's SMS-C endpoint, over mutually authenticated HTTPS with the SM-SR's own certificate (role SMSR).
 *
 * @param url the SMS-C's mobile-terminated message endpoint
 * @param timeout connect and response time-out of one submission
 */
@ConfigurationProperties("openrsp.smsc")
public record SmscProperties(
        @DefaultValue("https://127.0.0.1:8444/smsc/mt") URI url,
        @DefaultValue("5s") Duration timeout) {

    public SmscProperties {
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("openrsp.smsc.url must be an absolute https URL");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("openrsp.smsc.timeout must be positive");
        }
    }
}
