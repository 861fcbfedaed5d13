package io.openrsp.rsp.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TlvTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodeWhenBuiltFromChildrenThenDefiniteEncoding() {
        Tlv e1 = Tlv.constructed(Tag.of(0xE1), Tlv.of(0x4D, hex("02")), Tlv.of(0x4E, hex("0001")));

        assertThat(e1.encode()).isEqualTo(hex("E1 07 4D 01 02 4E 02 0001"));
        assertThat(e1.length()).isEqualTo(7);
        assertThat(e1.value()).isEqualTo(hex("4D 01 02 4E 02 0001"));
        assertThat(e1.encodedLength()).isEqualTo(9);
        assertThat(e1.children()).hasSize(2);
    }

    @Test
    void encodeWhenIndefiniteThenEightyAndEndOfContents() {
        Tlv script = Tlv.indefinite(Tag.of(0xAE), Tlv.of(0x22, hex("80F24002")));

        assertThat(script.encode()).isEqualTo(hex("AE 80 22 04 80F24002 0000"));
        assertThat(script.isIndefiniteLength()).isTrue();
        assertThat(script.encodedLength()).isEqualTo(10);
    }

    @Test
    void indefiniteWhenPrimitiveTagThenIllegalArgument() {
        assertThatThrownBy(() -> Tlv.indefinite(Tag.of(0x81))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofWhenValueArrayChangedAfterwardsThenTlvUnchanged() {
        byte[] value = hex("0102");
        Tlv tlv = Tlv.of(0x80, value);

        value[0] = 9;
        tlv.value()[1] = 9;

        assertThat(tlv.value()).isEqualTo(hex("0102"));
    }

    @Test
    void equalsWhenSameEncodingThenEqualWhetherDecodedOrBuilt() {
        Tlv built = Tlv.constructed(Tag.of(0xA0), Tlv.of(0x80, hex("01")));
        Tlv decoded = TlvReader.readSingle(hex("A0 03 80 01 01"));
        Tlv indefinite = TlvReader.readSingle(hex("A0 80 80 01 01 0000"));

        assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(indefinite).isNotEqualTo(built);
    }

    @Test
    void toStringWhenValueIsSecretThenOnlyTagAndLength() {
        Tlv key = Tlv.of(0x80, hex("00112233445566778899AABBCCDDEEFF"));

        assertThat(key.toString()).isEqualTo("Tlv[80, length=16]").doesNotContain("0011");
        assertThat(Tlv.indefinite(Tag.of(0xAE)).toString()).isEqualTo("Tlv[AE, length=indefinite 0]");
    }

    @Test
    void valueByteWhenOutsideValueThenIndexOutOfBounds() {
        Tlv tlv = Tlv.of(0x80, hex("07"));

        assertThat(tlv.valueByte(0)).isEqualTo(7);
        assertThatThrownBy(() -> tlv.valueByte(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofWhenValueLongerThanThreeByteLengthThenIllegalArgument() {
        assertThatThrownBy(() -> Tlv.of(0x04, new byte[Tlv.MAX_VALUE_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
