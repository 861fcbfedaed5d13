package io.openrsp.smdp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderPropertiesTest {

    @Test
    void constructorWhenValidThenValidityInWholeSeconds() {
        var properties = new OrderProperties(256, Duration.ofSeconds(60), "SM-SR-1", Duration.ofSeconds(10));

        assertThat(properties.validityPeriodSeconds()).isEqualTo(60);
    }

    @Test
    void constructorWhenOutOfRangeThenRefusedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderProperties(0, Duration.ofSeconds(60), "SM-SR-1", Duration.ZERO))
                .withMessageContaining("openrsp.smdp.order.max-running");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderProperties(1, Duration.ofMillis(1500), "SM-SR-1", Duration.ZERO))
                .withMessageContaining("openrsp.smdp.order.validity-period");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderProperties(1, Duration.ofSeconds(1), " ", Duration.ZERO))
                .withMessageContaining("openrsp.smdp.order.smsr-id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderProperties(1, Duration.ofSeconds(1), "SM-SR-1", Duration.ofSeconds(-1)))
                .withMessageContaining("openrsp.smdp.order.shutdown-grace");
    }
}
