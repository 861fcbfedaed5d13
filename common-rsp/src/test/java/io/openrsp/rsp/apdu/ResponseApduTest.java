package io.openrsp.rsp.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.apdu.ApduException.Reason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ResponseApduTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void parseWhenDataAndStatusThenSplit() {
        ResponseApdu response = ResponseApdu.parse(hex("E3 03 4F 01 00 9000"));

        assertThat(response.data()).isEqualTo(hex("E3 03 4F 01 00"));
        assertThat(response.statusWord()).isEqualTo(StatusWord.NO_ERROR);
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.encode()).isEqualTo(hex("E3 03 4F 01 00 9000"));
    }

    @Test
    void parseWhenStatusOnlyThenEmptyData() {
        ResponseApdu response = ResponseApdu.parse(hex("6A84"));

        assertThat(response.data()).isEmpty();
        assertThat(response.statusWord()).isEqualTo(StatusWord.NOT_ENOUGH_MEMORY);
        assertThat(response.isSuccess()).isFalse();
    }

    @Test
    void parseWhenFewerThanTwoBytesThenTooShort() {
        assertThatThrownBy(() -> ResponseApdu.parse(hex("90"))).isInstanceOfSatisfying(ApduException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(e.offset()).isEqualTo(1);
        });
    }

    @Test
    void parseWhenSw1NotAStatusByteThenInvalidStatusWord() {
        assertThatThrownBy(() -> ResponseApdu.parse(hex("01 6000"))).isInstanceOfSatisfying(ApduException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_STATUS_WORD);
            assertThat(e.offset()).isEqualTo(1);
        });
    }

    @Test
    void parseWhenMoreThan256DataBytesThenResponseTooLong() {
        assertThatThrownBy(() -> ResponseApdu.parse(new byte[259])).isInstanceOfSatisfying(ApduException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.RESPONSE_TOO_LONG);
            assertThat(e.offset()).isEqualTo(258);
        });
    }

    @Test
    void ofWhenBuiltThenEqualsParsed() {
        ResponseApdu built = ResponseApdu.of(hex("85 01 AA"), StatusWord.NO_ERROR);

        assertThat(built).isEqualTo(ResponseApdu.parse(hex("8501AA9000")));
        assertThat(built.toString()).isEqualTo("ResponseApdu[9000 NO_ERROR, data length=3]");
        assertThat(ResponseApdu.of(StatusWord.WRONG_DATA).encode()).isEqualTo(hex("6A80"));
    }

    @Test
    void ofWhenDataTooLongThenIllegalArgument() {
        assertThatThrownBy(() -> ResponseApdu.of(new byte[257], StatusWord.NO_ERROR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
