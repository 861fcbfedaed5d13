package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EidTest {

    private static final String EID = "89049032123451234512345678901235";

    @Test
    void toBytesWhenValidThenSixteenBcdBytesWithoutSwap() {
        assertThat(Eid.of(EID).toBytes()).isEqualTo(HexFormat.of().parseHex(EID));
    }

    @Test
    void fromBytesWhenBcdThenSameEid() {
        assertThat(Eid.fromBytes(HexFormat.of().parseHex(EID))).isEqualTo(Eid.of(EID));
    }

    @Test
    void fromBytesWhenNibbleNotADigitThenIllegalArgument() {
        byte[] bytes = HexFormat.of().parseHex(EID);
        bytes[3] = (byte) 0x3A;

        assertThatThrownBy(() -> Eid.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Eid.fromBytes(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "8904903212345123451234567890123",
                "890490321234512345123456789012350",
                "8904903212345123451234567890123X"
            })
    void ofWhenNot32DigitsThenIllegalArgumentNamingTheProblem(String digits) {
        assertThatThrownBy(() -> Eid.of(digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EID");
    }

    @Test
    void ofWhenNullThenIllegalArgument() {
        assertThatThrownBy(() -> Eid.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCheckDigitsWhen31DigitsThenIllegalArgument() {
        assertThatThrownBy(() -> Eid.withCheckDigits("8904903212345123451234567890123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30 or 32");
    }

    @Test
    void withCheckDigitsWhenCheckIsBelowTenThenLeadingZeroKept() {
        // 98 - r is a single digit when r >= 89; search a body with such r and check the padding
        Eid eid = null;
        for (int i = 0; eid == null; i++) {
            String body = String.format("89049032123451234512345%07d", i);
            Eid candidate = Eid.withCheckDigits(body);
            if (candidate.digits().charAt(30) == '0') {
                eid = candidate;
            }
        }

        assertThat(eid.digits()).hasSize(32);
        assertThat(Eid.of(eid.digits())).isEqualTo(eid);
    }

    @Test
    void toStringWhenValidThenDigits() {
        assertThat(Eid.of(EID)).hasToString(EID);
    }
}
