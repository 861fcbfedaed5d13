package io.openrsp.smsr.es5;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * DESIGN.md §3.2, §8 and §9: the ES5 PSK-TLS listener and admin session settings ({@code openrsp.es5.*}), validated
 * at start-up. Holds no secret: the per-card PSKs live sealed in the EIS.
 *
 * @param host address the listener binds to (loopback by default; compose sets {@code 0.0.0.0})
 * @param port TCP port; {@code 0} binds an ephemeral port ({@link Es5Listener#port()} tells which)
 * @param publicHost the address written into the push SMS for the card to connect to (an IP literal or a name this
 *     SM-SR resolves); defaults to {@code host}
 * @param publicPort the port written into the push SMS; {@code 0} (default) means the bound port
 * @param handshakeTimeout a connection that has not completed the TLS handshake within this is closed
 * @param idleTimeout a card that takes longer than this to send a whole HTTP request is disconnected
 * @param maxSessions connections served at the same time; more are closed at once
 * @param linger how long a session with an empty queue waits for the next command before {@code 204}
 * @param pushRetry a push that brought no session within this is sent again on the next command
 * @param maxHeaderSize limit on an HTTP request line plus headers
 * @param maxBodySize limit on an HTTP request body
 * @param cardRetryCount retry counter the push asks the card to use when it cannot open the session
 * @param cardRetryDelay retry waiting delay the push gives the card (whole seconds)
 */
@ConfigurationProperties("openrsp.es5")
public record Es5Properties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8443") int port,
        @Nullable String publicHost,
        @DefaultValue("0") int publicPort,
        @DefaultValue("10s") Duration handshakeTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("1000") int maxSessions,
        @DefaultValue("300ms") Duration linger,
        @DefaultValue("5s") Duration pushRetry,
        @DefaultValue("8KB") DataSize maxHeaderSize,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("3") int cardRetryCount,
        @DefaultValue("10s") Duration cardRetryDelay) {

    public Es5Properties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("openrsp.es5.host must be set");
        }
        requirePort("openrsp.es5.port", port);
        requirePort("openrsp.es5.public-port", publicPort);
        if (publicHost != null && publicHost.isBlank()) {
            throw new IllegalArgumentException("openrsp.es5.public-host must not be blank");
        }
        requirePositive("openrsp.es5.handshake-timeout", handshakeTimeout);
        requirePositive("openrsp.es5.idle-timeout", idleTimeout);
        requirePositive("openrsp.es5.push-retry", pushRetry);
        if (linger.isNegative()) {
            throw new IllegalArgumentException("openrsp.es5.linger must not be negative");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("openrsp.es5.max-sessions must be at least 1");
        }
        if (maxHeaderSize.toBytes() < 256 || maxHeaderSize.toBytes() > 1 << 20) {
            throw new IllegalArgumentException("openrsp.es5.max-header-size must be 256 B to 1 MB");
        }
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("openrsp.es5.max-body-size must be 1 KB to 2 GB");
        }
        if (cardRetryCount < 0 || cardRetryCount > 0xFFFF) {
            throw new IllegalArgumentException("openrsp.es5.card-retry-count must be 0-65535");
        }
        if (cardRetryDelay.isNegative() || cardRetryDelay.getNano() != 0 || cardRetryDelay.toHours() > 99) {
            throw new IllegalArgumentException("openrsp.es5.card-retry-delay must be whole seconds below 100 h");
        }
    }

    /** The host the card is told to connect to. */
    public String advertisedHost() {
        return Optional.ofNullable(publicHost).orElse(host);
    }

    private static void requirePort(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0-65535");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
