package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pol1Test {

    @Test
    void ofWhenBitsOfEveryCombinationThenRoundTrips() {
        for (Pol1 pol1 : new Pol1[] {Pol1.NONE, new Pol1(true, false), new Pol1(false, true), new Pol1(true, true)}) {
            assertThat(Pol1.of(pol1.bits())).isEqualTo(pol1);
        }
        assertThat(Pol1.NONE.bits()).isZero();
    }
}
