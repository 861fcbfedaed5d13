package io.openrsp.rsp.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.apdu.ApduException;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.script.ScriptException.Reason;
import io.openrsp.rsp.tlv.TlvException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandScriptTest {

    private static final String ENABLE = "80E28800 15 3A03 12 4F10 A0000005591010FFFFFFFF8900001000";
    private static final String GET_STATUS = "80F24002 02 4F00 00";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static CommandScript twoCommands() {
        return CommandScript.of(CommandApdu.parse(hex(ENABLE)), CommandApdu.parse(hex(GET_STATUS)));
    }

    @Test
    void encodeWhenIndefiniteThenAe80AndEndOfContents() {
        assertThat(twoCommands().encode(ScriptForm.INDEFINITE))
                .isEqualTo(hex("AE 80 22 1A " + ENABLE + " 22 08 " + GET_STATUS + " 0000"));
    }

    @Test
    void encodeWhenDefiniteThenAaWithLength() {
        assertThat(twoCommands().encode(ScriptForm.DEFINITE))
                .isEqualTo(hex("AA 26 22 1A " + ENABLE + " 22 08 " + GET_STATUS));
    }

    @Test
    void decodeWhenEitherFormThenSameCommandsInOrder() {
        CommandScript indefinite = CommandScript.decode(twoCommands().encode(ScriptForm.INDEFINITE));
        CommandScript definite = CommandScript.decode(twoCommands().encode(ScriptForm.DEFINITE));

        assertThat(indefinite).isEqualTo(twoCommands()).isEqualTo(definite);
        assertThat(indefinite.size()).isEqualTo(2);
        assertThat(indefinite.commands().getFirst().ins()).isEqualTo(0xE2);
    }

    @Test
    void decodeWhenEmptyTemplateThenNoCommands() {
        assertThat(CommandScript.decode(hex("AE 80 0000")).commands()).isEmpty();
        assertThat(CommandScript.of().encode(ScriptForm.DEFINITE)).isEqualTo(hex("AA 00"));
    }

    @Test
    void decodeWhenLongScriptThenTwoByteLengthAccepted() {
        CommandApdu big = CommandApdu.of(0x80, 0xE2, 0x91, 0x00, new byte[200]);
        CommandScript script = CommandScript.of(big, big);

        byte[] encoded = script.encode(ScriptForm.DEFINITE);

        assertThat(encoded).startsWith(0xAA, 0x82);
        assertThat(CommandScript.decode(encoded)).isEqualTo(script);
    }

    record Malformed(String name, String hex, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("response template", "AF 80 0000", Reason.UNEXPECTED_TEMPLATE, 0),
                new Malformed("AE with definite length", "AE 00", Reason.TEMPLATE_FORM_MISMATCH, 1),
                new Malformed("AA with indefinite length", "AA 80 0000", Reason.TEMPLATE_FORM_MISMATCH, 1),
                new Malformed("R-APDU inside command script", "AE 80 23 02 9000 0000", Reason.UNEXPECTED_TAG, 2),
                new Malformed("immediate action TLV", "AA 03 81 01 01", Reason.UNEXPECTED_TAG, 2),
                new Malformed("missing end-of-contents", "AE 80 22 04 80E20000", Reason.MALFORMED_TLV, 8),
                new Malformed("trailing bytes", "AA 00 00", Reason.MALFORMED_TLV, 2),
                new Malformed("C-APDU too short", "AE 80 22 03 80E200 0000", Reason.MALFORMED_COMMAND_APDU, 7),
                new Malformed("C-APDU Lc past data", "AA 08 22 06 80E20000 05 01", Reason.MALFORMED_COMMAND_APDU, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenReasonAndOffset(Malformed c) {
        assertThatThrownBy(() -> CommandScript.decode(hex(c.hex())))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.reason()).isEqualTo(c.reason());
                    assertThat(e.offset()).isEqualTo(c.offset());
                });
    }

    @Test
    void decodeWhenTlvMalformedThenTlvExceptionKeptAsCause() {
        assertThatThrownBy(() -> CommandScript.decode(hex("AE 80 22 05 01")))
                .isInstanceOf(ScriptException.class)
                .hasCauseInstanceOf(TlvException.class);
    }

    @Test
    void decodeWhenApduMalformedThenApduExceptionKeptAsCause() {
        assertThatThrownBy(() -> CommandScript.decode(hex("AA 03 22 01 80")))
                .isInstanceOf(ScriptException.class)
                .hasCauseInstanceOf(ApduException.class);
    }

    @Test
    void constructorWhenListChangedAfterwardsThenScriptUnchanged() {
        var commands = new java.util.ArrayList<CommandApdu>();
        commands.add(CommandApdu.parse(hex(GET_STATUS)));
        CommandScript script = new CommandScript(commands);

        commands.clear();

        assertThat(script.size()).isEqualTo(1);
    }
}
