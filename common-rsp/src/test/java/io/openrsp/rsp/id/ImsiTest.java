package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImsiTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001010", "0010101", "00101012", "001010123456789"})
    void fromEfImsiWhenEncodedThenSameImsi(String digits) {
        Imsi imsi = Imsi.of(digits);

        byte[] ef = imsi.toEfImsi();

        assertThat(ef).hasSize(9);
        assertThat(Imsi.fromEfImsi(ef)).isEqualTo(imsi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00101", "0010101234567890", "00101a", ""})
    void ofWhenNotSixToFifteenDigitsThenIllegalArgument(String digits) {
        assertThatThrownBy(() -> Imsi.of(digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("IMSI");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "0809101010325476,       must be 9 bytes",
        "0909101010325476980000, must be 9 bytes",
        "030910FFFFFFFFFFFF,      length byte",
        "090910101032547698,      length byte",
        "0809101010325476F8,      not a digit",
        "080110101032547698,      F pad",
        "080810101032547698,      parity nibble",
        "0809101010A2547698,      not a digit",
        "0709101000002143FE,      not FF",
    })
    void fromEfImsiWhenMalformedThenIllegalArgument(String ef, String problem) {
        assertThatThrownBy(() -> Imsi.fromEfImsi(hex(ef)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
