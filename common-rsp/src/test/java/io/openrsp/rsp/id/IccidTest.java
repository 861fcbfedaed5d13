package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IccidTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void toEfIccidWhenTwentyDigitsThenNoPaddingNibble() {
        Iccid iccid = Iccid.of("89000123456789012341");

        assertThat(iccid.toEfIccid()).isEqualTo(hex("98001032547698103214"));
        assertThat(iccid.toSaipHeaderBytes()).isEqualTo(hex("89000123456789012341"));
        assertThat(Iccid.fromEfIccid(iccid.toEfIccid())).isEqualTo(iccid);
    }

    @Test
    void ofWhenEighteenDigitsWithLuhnThenAccepted() {
        Iccid iccid = Iccid.withLuhn("89882110000005300");

        assertThat(iccid.digits()).hasSize(18);
        assertThat(Iccid.fromSaipHeaderBytes(iccid.toSaipHeaderBytes())).isEqualTo(iccid);
        assertThat(iccid.toSaipHeaderBytes()).endsWith(0xFF);
    }

    @Test
    void ofWhenTooShortOrLongThenIllegalArgument() {
        assertThatThrownBy(() -> Iccid.of("89882110000005308")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iccid.of("898821100000053008211")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iccid.withLuhn("8988211000000530")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromEfIccidWhenDigitAfterPaddingThenIllegalArgument() {
        assertThat(Iccid.fromEfIccid(hex("989444999999990971F1"))).isEqualTo(Iccid.of("8949449999999990171"));
        assertThatThrownBy(() -> Iccid.fromEfIccid(hex("98944499999999097F11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after F padding");
    }

    @Test
    void fromEfIccidWhenHexNibbleThenIllegalArgument() {
        assertThatThrownBy(() -> Iccid.fromEfIccid(hex("9894449999999909A1F1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nibble");
    }

    @Test
    void fromEfIccidWhenWrongSizeThenIllegalArgument() {
        assertThatThrownBy(() -> Iccid.fromEfIccid(hex("989444999999990971")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 bytes");
    }

    @Test
    void fromEfIccidWhenLuhnWrongThenIllegalArgument() {
        assertThatThrownBy(() -> Iccid.fromEfIccid(hex("989444999999990981F1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Luhn");
    }
}
