package io.openrsp.rsp.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.script.ScriptException.Reason;
import java.util.Collections;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseScriptTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodeWhenIndefiniteThenCountThenResponses() {
        ResponseScript script = ResponseScript.of(
                ResponseApdu.of(StatusWord.NO_ERROR), ResponseApdu.of(hex("E3 00"), StatusWord.NO_ERROR));

        assertThat(script.encode(ScriptForm.INDEFINITE))
                .isEqualTo(hex("AF 80 80 01 02 23 02 9000 23 04 E300 9000 0000"));
        assertThat(script.encode(ScriptForm.DEFINITE)).isEqualTo(hex("AB 0D 80 01 02 23 02 9000 23 04 E300 9000"));
    }

    @Test
    void decodeWhenFailingCommandLastThenHelpersReportIt() {
        ResponseScript script = ResponseScript.decode(hex("AF 80 80 01 02 23 02 9000 23 02 6A84 0000"));

        assertThat(script.executedCommands()).isEqualTo(2);
        assertThat(script.lastStatusWord()).contains(StatusWord.NOT_ENOUGH_MEMORY);
        assertThat(script.allSucceeded()).isFalse();
        assertThat(script.firstFailureIndex()).hasValue(1);
    }

    @Test
    void decodeWhenAllSucceededThenCompletesTheCommandScript() {
        CommandScript commands = CommandScript.of(
                CommandApdu.of(0x80, 0xE2, 0x88, 0x00, hex("3A03")), CommandApdu.of(0x80, 0xF2, 0x40, 0x02));
        ResponseScript responses = ResponseScript.decode(hex("AB 0B 80 01 02 23 02 9000 23 02 6100"));

        assertThat(responses.allSucceeded()).isTrue();
        assertThat(responses.firstFailureIndex()).isEmpty();
        assertThat(responses.completes(commands)).isTrue();
        assertThat(ResponseScript.of(ResponseApdu.of(StatusWord.NO_ERROR)).completes(commands))
                .isFalse();
    }

    @Test
    void decodeWhenNoCommandExecutedThenEmptyAndNoLastStatusWord() {
        ResponseScript script = ResponseScript.decode(hex("AF 80 80 01 00 0000"));

        assertThat(script.responses()).isEmpty();
        assertThat(script.lastStatusWord()).isEmpty();
    }

    record Malformed(String name, String hex, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("command template", "AE 80 0000", Reason.UNEXPECTED_TEMPLATE, 0),
                new Malformed("AF with definite length", "AF 03 800100", Reason.TEMPLATE_FORM_MISMATCH, 1),
                new Malformed("empty template", "AF 80 0000", Reason.MISSING_EXECUTED_COUNT, 2),
                new Malformed("R-APDU before the count", "AB 07 23 02 9000 800101", Reason.MISSING_EXECUTED_COUNT, 2),
                new Malformed("two-byte count", "AB 04 80 02 0001", Reason.INVALID_EXECUTED_COUNT, 3),
                new Malformed(
                        "count larger than R-APDUs",
                        "AF 80 80 01 02 23 02 9000 0000",
                        Reason.EXECUTED_COUNT_MISMATCH,
                        4),
                new Malformed(
                        "count smaller than R-APDUs",
                        "AB 0B 80 01 01 23 02 9000 23 02 9000",
                        Reason.EXECUTED_COUNT_MISMATCH,
                        4),
                new Malformed("C-APDU inside response", "AB 09 80 01 01 22 04 80E20000", Reason.UNEXPECTED_TAG, 5),
                new Malformed("bad format TLV", "AB 06 80 01 00 90 01 01", Reason.UNEXPECTED_TAG, 5),
                new Malformed("R-APDU of one byte", "AB 06 80 01 01 23 01 90", Reason.MALFORMED_RESPONSE_APDU, 8),
                new Malformed("R-APDU with SW1 60", "AB 07 80 01 01 23 02 6000", Reason.MALFORMED_RESPONSE_APDU, 7),
                new Malformed("length past the end", "AB 7F 80", Reason.MALFORMED_TLV, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenReasonAndOffset(Malformed c) {
        assertThatThrownBy(() -> ResponseScript.decode(hex(c.hex())))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.reason()).isEqualTo(c.reason());
                    assertThat(e.offset()).isEqualTo(c.offset());
                    assertThat(e).hasMessageContaining("offset " + c.offset());
                });
    }

    @Test
    void constructorWhenMoreThan255ResponsesThenIllegalArgument() {
        var responses = Collections.nCopies(256, ResponseApdu.of(StatusWord.NO_ERROR));

        assertThatThrownBy(() -> new ResponseScript(responses)).isInstanceOf(IllegalArgumentException.class);
    }
}
