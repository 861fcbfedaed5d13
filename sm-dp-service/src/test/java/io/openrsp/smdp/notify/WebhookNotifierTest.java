package io.openrsp.smdp.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    private static final WebhookEvent EVENT = WebhookEvent.ofProfile(
            WebhookEvent.Type.PROFILE_ENABLED,
            "89049032123451234512345678901235",
            "8901234567890123456",
            Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void sendWhenOperatorHasNoWebhookThenNothingStartedOrCounted() {
        var meters = new SimpleMeterRegistry();
        var properties = new WebhookProperties(Map.of(), Duration.ofSeconds(5), 3, Duration.ofSeconds(1), 10);
        try (var notifier = new WebhookNotifier(properties, meters, HttpClient.newHttpClient())) {

            assertThat(notifier.send("Operator-1", EVENT)).isFalse();
        }
        assertThat(meters.find(WebhookNotifier.DELIVERIES).counters()).isEmpty();
    }

    @Test
    void sendWhenQueueFullThenEventDroppedAndCounted() throws Exception {
        var meters = new SimpleMeterRegistry();
        // a listener that never accepts: the first delivery waits in the TLS handshake and holds the only slot
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var properties = new WebhookProperties(
                    Map.of("Operator-1", URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/")),
                    Duration.ofSeconds(30),
                    0,
                    Duration.ofSeconds(1),
                    1);
            try (var notifier = new WebhookNotifier(properties, meters, HttpClient.newHttpClient())) {

                assertThat(notifier.send("Operator-1", EVENT)).isTrue();
                assertThat(notifier.send("Operator-1", EVENT)).isFalse();

                assertThat(meters.find(WebhookNotifier.DELIVERIES)
                                .tags("outcome", "dropped", "event", "profile.enabled")
                                .counter()
                                .count())
                        .isEqualTo(1);
            }
        }
    }
}
