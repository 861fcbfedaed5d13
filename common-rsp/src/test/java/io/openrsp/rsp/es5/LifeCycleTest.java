package io.openrsp.rsp.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.es.ProfileState;
import org.junit.jupiter.api.Test;

/** {@link LifeCycle}: the DESIGN.md §3.3 bytes and the EIS states. */
class LifeCycleTest {

    @Test
    void valueWhenEachStateThenDesignByte() {
        assertThat(LifeCycle.CREATED.value()).isEqualTo(0x0F);
        assertThat(LifeCycle.DISABLED.value()).isEqualTo(0x1F);
        assertThat(LifeCycle.ENABLED.value()).isEqualTo(0x3F);
    }

    @Test
    void ofWhenKnownByteThenState() {
        assertThat(LifeCycle.of(0x07)).isEqualTo(LifeCycle.CREATED);
        assertThat(LifeCycle.of(0x0F)).isEqualTo(LifeCycle.CREATED);
        assertThat(LifeCycle.of(0x1F)).isEqualTo(LifeCycle.DISABLED);
        assertThat(LifeCycle.of(0x3F)).isEqualTo(LifeCycle.ENABLED);
    }

    @Test
    void ofWhenOtherByteThenRejected() {
        for (int value : new int[] {0x00, 0x03, 0x83, 0xFF, 0x13F}) {
            assertThatThrownBy(() -> LifeCycle.of(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an ISD-P life-cycle state: " + value);
        }
    }

    @Test
    void toProfileStateWhenEachStateThenSameName() {
        assertThat(LifeCycle.CREATED.toProfileState()).isEqualTo(ProfileState.CREATED);
        assertThat(LifeCycle.DISABLED.toProfileState()).isEqualTo(ProfileState.DISABLED);
        assertThat(LifeCycle.ENABLED.toProfileState()).isEqualTo(ProfileState.ENABLED);
    }
}
