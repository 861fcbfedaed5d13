package io.openrsp.rsp.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.tlv.TlvException.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TlvReaderTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void readSingleWhenPrimitiveThenTagAndValue() {
        Tlv tlv = TlvReader.readSingle(hex("4F 05 A000000559"));

        assertThat(tlv.tag()).isEqualTo(Tag.of(0x4F));
        assertThat(tlv.length()).isEqualTo(5);
        assertThat(tlv.value()).isEqualTo(hex("A000000559"));
        assertThat(tlv.isIndefiniteLength()).isFalse();
        assertThat(tlv.offset()).isZero();
        assertThat(tlv.valueOffset()).isEqualTo(2);
    }

    @Test
    void readSingleWhenLengthFormsOneToThreeBytesThenValueLengthRead() {
        assertThat(TlvReader.readSingle(concat(hex("80 81 80"), new byte[0x80])).length())
                .isEqualTo(0x80);
        assertThat(TlvReader.readSingle(concat(hex("80 82 0100"), new byte[0x100]))
                        .length())
                .isEqualTo(0x100);
        assertThat(TlvReader.readSingle(concat(hex("80 83 010000"), new byte[0x10000]))
                        .length())
                .isEqualTo(0x10000);
    }

    @Test
    void childrenWhenConstructedThenParsedWithAbsoluteOffsets() {
        Tlv e3 = TlvReader.readSingle(hex("E3 0B 4F 03 A00000 9F70 01 07 53 00"));

        List<Tlv> children = e3.children();

        assertThat(children).extracting(Tlv::tag).containsExactly(Tag.of(0x4F), Tag.of(0x9F70), Tag.of(0x53));
        assertThat(children.get(1).valueOffset()).isEqualTo(10);
        assertThat(children.get(1).valueByte(0)).isEqualTo(0x07);
        assertThat(e3.firstChild(Tag.of(0x53))).get().extracting(Tlv::length).isEqualTo(0);
        assertThat(e3.firstChild(Tag.of(0x4C))).isEmpty();
    }

    @Test
    void childrenWhenPrimitiveTagHoldsTlvsThenParsedOnDemand() {
        Tlv trigger = TlvReader.readSingle(hex("81 05 83 03 8A 01 41"));

        Tlv session = trigger.children().getFirst();

        assertThat(session.tag()).isEqualTo(Tag.of(0x83));
        assertThat(session.children().getFirst().value()).containsExactly('A');
    }

    @Test
    void readSingleWhenIndefiniteThenChildrenAndEndOfContents() {
        Tlv script = TlvReader.readSingle(hex("AE 80 22 04 80E20000 22 05 80F2400200 0000"));

        assertThat(script.isIndefiniteLength()).isTrue();
        assertThat(script.length()).isEqualTo(13);
        assertThat(script.children()).hasSize(2);
        assertThat(script.children().get(1).valueOffset()).isEqualTo(10);
        assertThat(script.encode()).isEqualTo(hex("AE 80 22 04 80E20000 22 05 80F2400200 0000"));
    }

    @Test
    void readSingleWhenNestedIndefiniteThenBothClosed() {
        Tlv outer = TlvReader.readSingle(hex("AE 80 A1 80 80 01 05 0000 0000"));

        Tlv inner = outer.children().getFirst();
        assertThat(inner.isIndefiniteLength()).isTrue();
        assertThat(inner.children().getFirst().valueByte(0)).isEqualTo(5);
    }

    @Test
    void readSingleWhenRangeGivenThenOffsetsIndexTheWholeArray() {
        byte[] data = hex("FFFF 4F 02 0102 FF");

        assertThat(TlvReader.readSingle(data, 2, 4).valueOffset()).isEqualTo(4);
        assertThatThrownBy(() -> TlvReader.readSingle(data, 2, 5)).isInstanceOfSatisfying(TlvException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TRAILING_DATA);
            assertThat(e.offset()).isEqualTo(6);
        });
    }

    @Test
    void readAllWhenSeveralObjectsThenAllInOrder() {
        List<Tlv> all = TlvReader.readAll(hex("80 01 02 81 00 82 01 01"));

        assertThat(all).extracting(t -> t.tag().value()).containsExactly(0x80, 0x81, 0x82);
        assertThat(TlvReader.readAll(new byte[0])).isEmpty();
    }

    @Test
    void nextWhenStreamingThenPositionAdvancesAndEndIsNoSuchElement() {
        TlvReader reader = new TlvReader(hex("80 01 02 81 00"));

        assertThat(reader.next().tag().value()).isEqualTo(0x80);
        assertThat(reader.position()).isEqualTo(3);
        assertThat(reader.next().tag().value()).isEqualTo(0x81);
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void readSingleWhenInputMutatedAfterwardsThenDecodedValueUnchanged() {
        byte[] data = hex("4F 01 AA");
        Tlv tlv = TlvReader.readSingle(data);

        data[2] = 0;

        assertThat(tlv.value()).containsExactly(0xAA);
    }

    record Malformed(String name, String hex, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("empty input", "", Reason.TRUNCATED_TAG, 0),
                new Malformed("two-byte tag cut", "9F", Reason.TRUNCATED_TAG, 1),
                new Malformed("three-byte tag cut", "BF81", Reason.TRUNCATED_TAG, 2),
                new Malformed("first tag byte 00", "00 01 00", Reason.RESERVED_TAG_BYTE, 0),
                new Malformed("first tag byte FF", "FF 01 00", Reason.RESERVED_TAG_BYTE, 0),
                new Malformed("second tag byte 1E", "9F1E 00", Reason.NON_MINIMAL_TAG, 1),
                new Malformed("second tag byte 80", "9F80 01 00", Reason.NON_MINIMAL_TAG, 1),
                new Malformed("four-byte tag", "BF818101 00", Reason.TAG_TOO_LONG, 2),
                new Malformed("no length", "4F", Reason.TRUNCATED_LENGTH, 1),
                new Malformed("length 82 cut", "4F 82 01", Reason.TRUNCATED_LENGTH, 3),
                new Malformed("81 7F non-minimal", "4F 81 7F" + "00".repeat(0x7F), Reason.NON_MINIMAL_LENGTH, 1),
                new Malformed("82 00FF non-minimal", "4F 82 00FF" + "00".repeat(0xFF), Reason.NON_MINIMAL_LENGTH, 1),
                new Malformed("83 00FFFF non-minimal", "4F 83 00FFFF", Reason.NON_MINIMAL_LENGTH, 1),
                new Malformed("84 length field", "4F 84 00000001 00", Reason.LENGTH_FIELD_TOO_LONG, 1),
                new Malformed("FF length field", "4F FF", Reason.LENGTH_FIELD_TOO_LONG, 1),
                new Malformed("value beyond input", "4F 05 0102", Reason.VALUE_EXCEEDS_INPUT, 1),
                new Malformed("indefinite primitive", "4F 80 0000", Reason.INDEFINITE_LENGTH_PRIMITIVE, 1),
                new Malformed("no end-of-contents", "AE 80 22 01 00", Reason.MISSING_END_OF_CONTENTS, 5),
                new Malformed("half end-of-contents", "AE 80 22 01 00 00", Reason.MISSING_END_OF_CONTENTS, 6),
                new Malformed("malformed end-of-contents", "AE 80 00 01", Reason.MALFORMED_END_OF_CONTENTS, 3),
                new Malformed("trailing byte", "4F 01 00 00", Reason.TRAILING_DATA, 3),
                new Malformed("nested truncated", "AE 80 22 05 01", Reason.VALUE_EXCEEDS_INPUT, 3),
                new Malformed(
                        "too deep",
                        "A0 80".repeat(TlvReader.MAX_DEPTH + 1) + "80 00" + "0000".repeat(TlvReader.MAX_DEPTH + 1),
                        Reason.NESTING_TOO_DEEP,
                        2 * (TlvReader.MAX_DEPTH + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void readSingleWhenMalformedThenReasonAndOffset(Malformed c) {
        assertThatThrownBy(() -> TlvReader.readSingle(hex(c.hex()))).isInstanceOfSatisfying(TlvException.class, e -> {
            assertThat(e.reason()).isEqualTo(c.reason());
            assertThat(e.offset()).isEqualTo(c.offset());
            assertThat(e).hasMessageContaining("offset " + c.offset());
        });
    }

    @Test
    void childrenWhenNestedValueMalformedThenOffsetInOriginalInput() {
        Tlv outer = TlvReader.readSingle(hex("E3 04 4F 05 0102"));

        assertThatThrownBy(outer::children).isInstanceOfSatisfying(TlvException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VALUE_EXCEEDS_INPUT);
            assertThat(e.offset()).isEqualTo(3);
        });
    }

    @Test
    void childrenWhenDefiniteNestingDeeperThanBoundThenNestingTooDeep() {
        int levels = TlvReader.MAX_DEPTH + 2;
        byte[] data = new byte[2 * levels];
        for (int i = 0; i < levels; i++) {
            data[2 * i] = (byte) 0xA0;
            data[2 * i + 1] = (byte) (2 * (levels - i - 1));
        }
        Tlv tlv = TlvReader.readSingle(data);

        assertThatThrownBy(() -> {
                    Tlv current = tlv;
                    while (true) {
                        current = current.children().getFirst();
                    }
                })
                .isInstanceOfSatisfying(TlvException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NESTING_TOO_DEEP);
                    assertThat(e.offset()).isEqualTo(2 * (TlvReader.MAX_DEPTH + 1));
                });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
