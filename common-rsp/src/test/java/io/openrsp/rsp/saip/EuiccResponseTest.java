package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.HEX;
import static io.openrsp.rsp.saip.TestProfiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.saip.ProfilePackageException.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PE_Definitions EUICCResponse: hand-derived DER both ways, and rejection of malformed answers. */
class EuiccResponseTest {

    @Test
    void encodeWhenSuccessThenOneOkStatus() {
        // 30 { A0 { 30 { 80 01 00 } } }
        assertThat(HEX.formatHex(EuiccResponse.success().encode())).isEqualTo("3007A0053003800100");
        assertThat(EuiccResponse.success().isSuccess()).isTrue();
    }

    @Test
    void encodeWhenAbortedWithAllFieldsThenEveryComponent() {
        EuiccResponse response = new EuiccResponse(
                List.of(PeStatus.of(PeStatusCode.OK), new PeStatus(PeStatusCode.BAD_VALUES.value(), 3, 7, 300L)),
                true,
                "bad K");

        // 30 { A0 { 30 {80 00}, 30 {80 03, 81 03, 82 07, 83 012C} }, 81 00, 82 "bad K" }
        String expected = "301F" + "A014" + "3003800100" + "300D" + "800103" + "810103" + "820107" + "8302012C" + "8100"
                + "8205" + "626164204B";
        assertThat(HEX.formatHex(response.encode())).isEqualTo(expected);
        assertThat(EuiccResponse.decode(bytes(expected))).isEqualTo(response);
        assertThat(response.isSuccess()).isFalse();
    }

    @Test
    void decodeWhenIso7816StatusWordThenKeptAsNumber() {
        EuiccResponse response = new EuiccResponse(List.of(new PeStatus(0x6A84, 2, null, null)), true, null);

        EuiccResponse decoded = EuiccResponse.decode(response.encode());

        assertThat(decoded).isEqualTo(response);
        assertThat(decoded.peStatus().getFirst().code()).isEmpty();
    }

    @Test
    void decodeWhenEmptyStatusListThenEmpty() {
        assertThat(EuiccResponse.decode(bytes("3002A000"))).isEqualTo(new EuiccResponse(List.of(), false, null));
    }

    /** A malformed answer: name, hex, offset of the problem. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", 0),
                Arguments.of("truncated", "3007A00530038001", 1),
                Arguments.of("trailing byte", "3007A005300380010000", 9),
                Arguments.of("not a SEQUENCE", "3107A0053003800100", 0),
                Arguments.of("no peStatus", "30028100", 0),
                Arguments.of("status not an INTEGER sequence", "3004A0020400", 0),
                Arguments.of("status negative", "3007A00530038001FF", 0),
                Arguments.of("status beyond 65535", "3009A00730058003010000", 0),
                Arguments.of("identification beyond UInt15", "300BA0093007800100810280" + "00", 0),
                Arguments.of("aborted with contents", "300AA0053003800100810100", 0),
                Arguments.of("message of one character", "300AA00530038001008201" + "41", 0),
                Arguments.of("message not UTF-8", "300BA0053003800100" + "8202FFFE", 0),
                Arguments.of("components out of order", "300DA005300380010082024F4B8100", 0),
                Arguments.of("indefinite length", "3080A00530038001000000", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenMalformedEuiccResponseAtOffset(String name, String hex, int offset) {
        assertThatThrownBy(() -> EuiccResponse.decode(bytes(hex)))
                .isInstanceOfSatisfying(ProfilePackageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_EUICC_RESPONSE);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.elementIndex()).isEmpty();
                })
                .hasNoCause();
    }

    @Test
    void constructorWhenOutOfRangeThenRejected() {
        assertThatThrownBy(() -> new PeStatus(65536, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status out of range 0-65535");
        assertThatThrownBy(() -> new PeStatus(0, 32768, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identification out of range 0-32767");
        assertThatThrownBy(() -> new EuiccResponse(List.of(), false, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statusMessage must have 2 to 64 characters");
    }
}
