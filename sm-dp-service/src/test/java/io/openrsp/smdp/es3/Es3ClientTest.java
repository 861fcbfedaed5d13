package io.openrsp.smdp.es3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.RequestHeader;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Es3ClientTest {

    private static Es3ClientProperties properties(String url, String id) {
        return new Es3ClientProperties(
                URI.create(url), id, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void headerWhenCalledTwiceThenSameRequesterAndDistinctVersion4Uuids() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            Es3Client client = new Es3Client(
                    properties("https://127.0.0.1:8442", "SM-DP-7"),
                    new SecureRandom(),
                    new EsCallMetrics(new SimpleMeterRegistry()),
                    http);

            RequestHeader first = client.header();
            RequestHeader second = client.header();

            assertThat(first.functionRequesterIdentifier()).isEqualTo("SM-DP-7");
            assertThat(second.functionRequesterIdentifier()).isEqualTo("SM-DP-7");
            UUID id = UUID.fromString(first.functionCallIdentifier());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(second.functionCallIdentifier()).isNotEqualTo(first.functionCallIdentifier());
        }
    }

    @Test
    void timeoutWhenValidityPeriodGivenThenValidityPlusMargin() {
        Es3ClientProperties properties = properties("https://127.0.0.1:8442", "SM-DP-1");

        assertThat(properties.timeout(30)).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void timeoutWhenNoValidityPeriodThenDefaultPlusMargin() {
        Es3ClientProperties properties = properties("https://127.0.0.1:8442", "SM-DP-1");

        assertThat(properties.timeout(null)).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void functionUrlWhenBaseHasPathAndTrailingSlashThenPathAppendedOnce() {
        Es3ClientProperties properties = properties("https://sm-sr.example:8442/base/", "SM-DP-1");

        assertThat(properties.functionUrl("/gsma/es3/createISDP"))
                .isEqualTo(URI.create("https://sm-sr.example:8442/base/gsma/es3/createISDP"));
    }

    @Test
    void constructorWhenPlainHttpUrlThenRejectedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("http://127.0.0.1:8442", "SM-DP-1"))
                .withMessageContaining("openrsp.smdp.es3.smsr-url");
    }

    @Test
    void constructorWhenBlankIdThenRejectedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("https://127.0.0.1:8442", " "))
                .withMessageContaining("openrsp.smdp.es3.id");
    }

    @Test
    void constructorWhenNegativeMarginThenRejectedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Es3ClientProperties(
                        URI.create("https://127.0.0.1:8442"),
                        "SM-DP-1",
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(-1),
                        Duration.ofSeconds(10)))
                .withMessageContaining("openrsp.smdp.es3.timeout-margin");
    }
}
