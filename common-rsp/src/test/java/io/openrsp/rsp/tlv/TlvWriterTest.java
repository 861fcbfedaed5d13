package io.openrsp.rsp.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TlvWriterTest {

    private static final Tag OCTETS = Tag.of(0x04);

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of(0, "00"),
                Arguments.of(0x7F, "7F"),
                Arguments.of(0x80, "8180"),
                Arguments.of(0xFF, "81FF"),
                Arguments.of(0x100, "820100"),
                Arguments.of(0xFFFF, "82FFFF"),
                Arguments.of(0x10000, "83010000"),
                Arguments.of(0x123456, "83123456"));
    }

    @ParameterizedTest(name = "length {0} -> {1}")
    @MethodSource("lengths")
    void writeWhenValueLengthAtBoundaryThenMinimalLengthField(int length, String lengthField) {
        byte[] encoded = new TlvWriter().write(OCTETS, new byte[length]).toByteArray();

        assertThat(Arrays.copyOfRange(encoded, 1, 1 + lengthField.length() / 2)).isEqualTo(hex(lengthField));
        assertThat(encoded).hasSize(1 + lengthField.length() / 2 + length);
        assertThat(TlvWriter.lengthFieldSize(length)).isEqualTo(lengthField.length() / 2);
    }

    @ParameterizedTest(name = "length {0} -> {1}")
    @MethodSource("lengths")
    void endWhenDefiniteValueGrowsPastOneLengthByteThenLengthWidenedAndValueIntact(int length, String lengthField) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 0x5A);
        byte[] encoded = new TlvWriter()
                .beginDefinite(Tag.of(0x30))
                .write(Tag.of(0x04), value)
                .end()
                .toByteArray();

        Tlv outer = TlvReader.readSingle(encoded);
        assertThat(outer.children().getFirst().value()).isEqualTo(value);
    }

    @Test
    void beginIndefiniteWhenClosedThenEndOfContentsWritten() {
        byte[] encoded = new TlvWriter()
                .beginIndefinite(Tag.of(0xAE))
                .write(Tag.of(0x22), hex("80E60C00"))
                .end()
                .toByteArray();

        assertThat(encoded).isEqualTo(hex("AE 80 22 04 80E60C00 0000"));
    }

    @Test
    void writeWhenNestedMixedFormsThenDecodesBack() {
        byte[] encoded = new TlvWriter()
                .beginIndefinite(Tag.of(0xAF))
                .write(Tag.of(0x80), new byte[] {1})
                .beginDefinite(Tag.of(0xA0))
                .write(Tlv.of(0x4F, hex("A000000559")))
                .end()
                .end()
                .write(Tag.of(0x90), new byte[0])
                .toByteArray();

        assertThat(encoded).isEqualTo(hex("AF 80 80 01 01 A0 07 4F 05 A000000559 0000 90 00"));
    }

    @Test
    void beginIndefiniteWhenPrimitiveTagThenIllegalArgument() {
        assertThatThrownBy(() -> new TlvWriter().beginIndefinite(Tag.of(0x80)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("constructed");
    }

    @Test
    void toByteArrayWhenObjectStillOpenThenIllegalState() {
        TlvWriter writer = new TlvWriter().beginDefinite(Tag.of(0x30));

        assertThatThrownBy(writer::toByteArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lengthFieldSizeWhenBeyondThreeBytesThenIllegalArgument() {
        assertThatThrownBy(() -> TlvWriter.lengthFieldSize(0x1000000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlvWriter.lengthFieldSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
