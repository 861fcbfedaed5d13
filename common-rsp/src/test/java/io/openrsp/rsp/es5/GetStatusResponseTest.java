package io.openrsp.rsp.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Tar;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GetStatusResponse}: the {@code E3} layout of DESIGN.md §3.3, round trips and strict decoding. */
class GetStatusResponseTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String ISDP_1 = "A0000005591010FFFFFFFF8900001000";
    private static final String ISDP_2 = "A0000005591010FFFFFFFF8900001100";
    private static final List<IsdpStatus> TWO = List.of(
            new IsdpStatus(Aid.isdP(Tar.of(0x10)), LifeCycle.ENABLED, true),
            new IsdpStatus(Aid.isdP(Tar.of(0x11)), LifeCycle.CREATED, false));
    private static final String TWO_HEX =
            "E319" + "4F10" + ISDP_1 + "9F70013F" + "530101" + "E319" + "4F10" + ISDP_2 + "9F70010F" + "530100";

    @Test
    void encodeWhenTwoIsdpsThenE3TemplatesInOrder() {
        assertThat(HEX.formatHex(GetStatusResponse.encode(TWO))).isEqualTo(TWO_HEX);
    }

    @Test
    void decodeWhenEncodedThenSameStatuses() {
        assertThat(GetStatusResponse.decode(GetStatusResponse.encode(TWO))).isEqualTo(TWO);
        assertThat(GetStatusResponse.decode(GetStatusResponse.encode(List.of())))
                .isEmpty();
    }

    @Test
    void decodeWhenSelectableWithoutFallbackAndExtraTagsThenCreatedWithoutFallback() {
        String hex = "E31B" + "4F10" + ISDP_1 + "9F700107" + "C50380C000";

        assertThat(GetStatusResponse.decode(HEX.parseHex(hex)))
                .containsExactly(new IsdpStatus(Aid.fromHex(ISDP_1), LifeCycle.CREATED, false));
    }

    record Malformed(String name, String hex, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("not E3", "E2054F03A00000", 0),
                new Malformed("truncated", "E319" + "4F10" + ISDP_1, 1),
                new Malformed("no AID", "E3049F70011F", 0),
                new Malformed("no life-cycle", "E3124F10" + ISDP_1, 0),
                new Malformed("AID of 4 bytes", "E30A4F04A00000059F70011F", 2),
                new Malformed("life-cycle of 2 bytes", "E3179F70021F00" + "4F10" + ISDP_1, 2),
                new Malformed("unknown life-cycle", "E3164F10" + ISDP_1 + "9F700183", 23),
                new Malformed("fall-back 02", "E3194F10" + ISDP_1 + "9F70011F530102", 24),
                new Malformed("AID twice", "E3134F03A00000" + "4F03A00000" + "9F70011F" + "4F03A00000", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenEs5FormatExceptionAtOffset(Malformed input) {
        assertThatThrownBy(() -> GetStatusResponse.decode(HEX.parseHex(input.hex())))
                .isInstanceOfSatisfying(
                        Es5FormatException.class, e -> assertThat(e.offset()).isEqualTo(input.offset()));
    }
}
