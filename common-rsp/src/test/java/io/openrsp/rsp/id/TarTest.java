package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TarTest {

    @Test
    void constantsWhenSgp02ThenIsdRIsOneAndFirstIsdPIsSixteen() {
        assertThat(Tar.ISD_R).hasToString("000001");
        assertThat(Tar.FIRST_ISD_P).hasToString("000010");
    }

    @Test
    void nextWhenAllocatingThenIncrementsByOne() {
        assertThat(Tar.FIRST_ISD_P.next()).isEqualTo(Tar.fromHex("000011"));
        assertThat(Tar.of(0x0000FF).next()).isEqualTo(Tar.of(0x000100));
    }

    @Test
    void nextWhenLastTarThenIllegalState() {
        assertThatThrownBy(() -> Tar.of(0xFFFFFF).next()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromBytesWhenThreeBytesThenBigEndian() {
        Tar tar = Tar.fromBytes(new byte[] {0x12, 0x34, (byte) 0xAB});

        assertThat(tar.value()).isEqualTo(0x1234AB);
        assertThat(tar.toBytes()).containsExactly(0x12, 0x34, 0xAB);
        assertThat(Tar.fromHex("1234ab")).isEqualTo(tar);
    }

    @Test
    void ofWhenOutOfRangeThenIllegalArgument() {
        assertThatThrownBy(() -> Tar.of(0x1000000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tar.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tar.fromBytes(new byte[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tar.fromHex("00001")).isInstanceOf(IllegalArgumentException.class);
    }
}
