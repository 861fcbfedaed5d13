package io.openrsp.rsp.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusWordTest {

    static Stream<Arguments> named() {
        return Stream.of(
                Arguments.of(StatusWord.NO_ERROR, 0x9000, "NO_ERROR"),
                Arguments.of(StatusWord.WRONG_DATA, 0x6A80, "WRONG_DATA"),
                Arguments.of(StatusWord.FILE_NOT_FOUND, 0x6A82, "FILE_NOT_FOUND"),
                Arguments.of(StatusWord.NOT_ENOUGH_MEMORY, 0x6A84, "NOT_ENOUGH_MEMORY"),
                Arguments.of(StatusWord.REFERENCED_DATA_NOT_FOUND, 0x6A88, "REFERENCED_DATA_NOT_FOUND"),
                Arguments.of(StatusWord.CONDITIONS_NOT_SATISFIED, 0x6985, "CONDITIONS_NOT_SATISFIED"),
                Arguments.of(StatusWord.SECURITY_STATUS_NOT_SATISFIED, 0x6982, "SECURITY_STATUS_NOT_SATISFIED"),
                Arguments.of(StatusWord.POL1_FORBIDS, 0x69E1, "POL1_FORBIDS"),
                Arguments.of(StatusWord.INS_NOT_SUPPORTED, 0x6D00, "INS_NOT_SUPPORTED"),
                Arguments.of(StatusWord.CLA_NOT_SUPPORTED, 0x6E00, "CLA_NOT_SUPPORTED"),
                Arguments.of(StatusWord.WRONG_LENGTH, 0x6700, "WRONG_LENGTH"),
                Arguments.of(StatusWord.INCORRECT_P1P2, 0x6A86, "INCORRECT_P1P2"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("named")
    void ofWhenNamedValueThenSameAsConstant(StatusWord constant, int value, String name) {
        StatusWord sw = StatusWord.of(value);

        assertThat(sw).isEqualTo(constant).hasSameHashCodeAs(constant);
        assertThat(sw.value()).isEqualTo(value);
        assertThat(sw.name()).isEqualTo(name);
    }

    @Test
    void isSuccessWhen9000Or61xxThenTrueOtherwiseFalse() {
        assertThat(StatusWord.NO_ERROR.isSuccess()).isTrue();
        assertThat(StatusWord.of(0x6110).isSuccess()).isTrue();
        assertThat(StatusWord.MORE_DATA_AVAILABLE.isSuccess()).isFalse();
        assertThat(StatusWord.WRONG_DATA.isSuccess()).isFalse();
        assertThat(StatusWord.of(0x9001).isSuccess()).isFalse();
    }

    @Test
    void isWarningWhen62xxOr63xxThenTrue() {
        assertThat(StatusWord.SELECTED_FILE_INVALIDATED.isWarning()).isTrue();
        assertThat(StatusWord.MORE_DATA_AVAILABLE.isWarning()).isTrue();
        assertThat(StatusWord.NO_ERROR.isWarning()).isFalse();
        assertThat(StatusWord.CONDITIONS_NOT_SATISFIED.isWarning()).isFalse();
    }

    @Test
    void ofWhenSw1AndSw2ThenCombined() {
        StatusWord sw = StatusWord.of(0x61, 0x10);

        assertThat(sw.sw1()).isEqualTo(0x61);
        assertThat(sw.sw2()).isEqualTo(0x10);
        assertThat(sw).hasToString("6110 UNNAMED");
        assertThat(StatusWord.WRONG_DATA).hasToString("6A80 WRONG_DATA");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0000, 0x6000, 0x6012, 0x7000, 0xA000, 0x10000, -1})
    void ofWhenSw1NotAStatusByteThenIllegalArgument(int value) {
        assertThatThrownBy(() -> StatusWord.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
