package io.openrsp.euicc.es5;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §3.2: the limits of the cards' SCP81 admin sessions ({@code openrsp.es5.*}), validated at start-up.
 *
 * @param connectTimeout TCP connect time-out towards the SM-SR's ES5 listener
 * @param readTimeout longest wait for any read (TLS handshake, each HTTP response)
 * @param sessionTimeout longest admin session
 * @param maxBodyBytes largest command script the card accepts in one response
 * @param maxScriptsPerSession most command scripts in one session
 */
@ConfigurationProperties("openrsp.es5")
public record Es5ClientProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("5m") Duration sessionTimeout,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue("10000") int maxScriptsPerSession) {

    public Es5ClientProperties {
        positive("openrsp.es5.connect-timeout", connectTimeout);
        positive("openrsp.es5.read-timeout", readTimeout);
        positive("openrsp.es5.session-timeout", sessionTimeout);
        if (connectTimeout.toMillis() > Integer.MAX_VALUE || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("openrsp.es5 time-outs must fit in int milliseconds");
        }
        if (maxBodyBytes < 1 || maxBodyBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("openrsp.es5.max-body-bytes must be 1 to 64 MiB");
        }
        if (maxScriptsPerSession < 1) {
            throw new IllegalArgumentException("openrsp.es5.max-scripts-per-session must be positive");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
