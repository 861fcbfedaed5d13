package io.openrsp.smdp.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebhookPropertiesTest {

    private static WebhookProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("openrsp.smdp.webhooks", WebhookProperties.class);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void bindWhenNothingSetThenDefaultsAndNoWebhooks() {
        WebhookProperties properties = bind(Map.of());

        assertThat(properties.urls()).isEmpty();
        assertThat(properties.urlOf("Operator-1")).isEmpty();
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retries()).isEqualTo(3);
        assertThat(properties.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.queueCapacity()).isEqualTo(1000);
    }

    @Test
    void bindWhenBracketedOperatorKeyThenFoundIgnoringCase() {
        WebhookProperties properties = bind(Map.of(
                "openrsp.smdp.webhooks.urls[Operator-1]", "https://hooks.example.net/openrsp?token=abc",
                "openrsp.smdp.webhooks.retries", "0"));

        assertThat(properties.urlOf("Operator-1")).contains(URI.create("https://hooks.example.net/openrsp?token=abc"));
        assertThat(properties.urlOf("OPERATOR-1")).isPresent();
        assertThat(properties.urlOf("Operator-2")).isEmpty();
        assertThat(properties.retries()).isZero();
    }

    @Test
    void bindWhenUrlIsHttpThenStartUpFailsNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("openrsp.smdp.webhooks.urls[Operator-1]", "http://hooks.example.net/")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("openrsp.smdp.webhooks.urls[Operator-1]")
                        .hasMessageContaining("https"));
    }

    @Test
    void bindWhenUrlCarriesUserInfoThenStartUpFails() {
        assertThatThrownBy(() -> bind(
                        Map.of("openrsp.smdp.webhooks.urls[Operator-1]", "https://user:secret@hooks.example.net/")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("without user info"));
    }

    @Test
    void bindWhenSameOperatorTwiceInOtherCaseThenStartUpFails() {
        assertThatThrownBy(() -> bind(Map.of(
                        "openrsp.smdp.webhooks.urls[Operator-1]", "https://a.example.net/",
                        "openrsp.smdp.webhooks.urls[OPERATOR-1]", "https://b.example.net/")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("set twice"));
    }

    @Test
    void bindWhenRetriesOrCapacityOutOfRangeThenStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("openrsp.smdp.webhooks.retries", "11")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("openrsp.smdp.webhooks.retries"));
        assertThatThrownBy(() -> bind(Map.of("openrsp.smdp.webhooks.queue-capacity", "0")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("openrsp.smdp.webhooks.queue-capacity"));
        assertThatThrownBy(() -> bind(Map.of("openrsp.smdp.webhooks.backoff", "0s")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("openrsp.smdp.webhooks.backoff"));
        assertThatThrownBy(() -> bind(Map.of("openrsp.smdp.webhooks.backoff", "2h")))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("at most"));
    }
}
