package io.openrsp.euicc.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FactoryPropertiesTest {

    private static FactoryProperties properties(URI smsrUrl, int concurrency, String prefix, Duration timeout) {
        return new FactoryProperties(
                Path.of("eum.crt"),
                Path.of("eum.key"),
                null,
                smsrUrl,
                "es1-client",
                Path.of("eum-client.crt"),
                Path.of("eum-client.key"),
                concurrency,
                prefix,
                "OpenRSP-Simulator",
                "1.0",
                timeout,
                timeout,
                100);
    }

    private static final URI SMSR = URI.create("https://127.0.0.1:8442");

    @Test
    void constructorWhenDefaultsThenAccepted() {
        assertThat(properties(SMSR, 16, "890490320000100000", Duration.ofSeconds(5))
                        .eidPrefix())
                .isEqualTo("890490320000100000");
    }

    @Test
    void constructorWhenSmsrUrlIsPlainHttpThenRefusedNamingTheSetting() {
        assertThatThrownBy(() -> properties(URI.create("http://127.0.0.1:8442"), 16, "89", Duration.ofSeconds(5)))
                .hasMessageContaining("openrsp.factory.smsr-url");
    }

    @Test
    void constructorWhenConcurrencyZeroThenRefusedNamingTheSetting() {
        assertThatThrownBy(() -> properties(SMSR, 0, "89", Duration.ofSeconds(5)))
                .hasMessageContaining("openrsp.factory.registration-concurrency");
    }

    @Test
    void constructorWhenPrefixNotStartingWith89OrTooLongThenRefusedNamingTheSetting() {
        assertThatThrownBy(() -> properties(SMSR, 16, "12345", Duration.ofSeconds(5)))
                .hasMessageContaining("openrsp.factory.eid-prefix");
        assertThatThrownBy(() -> properties(SMSR, 16, "89" + "0".repeat(23), Duration.ofSeconds(5)))
                .hasMessageContaining("openrsp.factory.eid-prefix");
    }

    @Test
    void constructorWhenTimeoutNotPositiveThenRefusedNamingTheSetting() {
        assertThatThrownBy(() -> properties(SMSR, 16, "89", Duration.ZERO))
                .hasMessageContaining("openrsp.factory.connect-timeout");
    }
}
