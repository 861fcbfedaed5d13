package io.openrsp.rsp.es8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.openrsp.rsp.apdu.CommandApdu;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Es8StoreData} (host) and {@link StoreDataAssembler} (card): blocks, sequences, and the card's refusals. */
class Es8StoreDataTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256, 1000})
    void sequenceWhenOneTlvWithValueOfNBytesThenBlocksCarryItAndTheCardGetsItBack(int valueLength) throws Exception {
        byte[] tlv = segment(valueLength, 7);

        List<CommandApdu> blocks = Es8StoreData.sequence(List.of(tlv));

        assertThat(blocks).hasSize((tlv.length + 254) / 255);
        assertBlockHeaders(blocks);
        assertThat(concatData(blocks)).isEqualTo(tlv);
        var assembler = new StoreDataAssembler();
        for (int i = 0; i < blocks.size() - 1; i++) {
            assertThat(assembler.accept(blocks.get(i))).isEmpty();
        }
        assertThat(assembler.accept(blocks.getLast())).containsExactly(tlv);
    }

    @Test
    void sequenceWhenTlvIs255BytesThenOneBlockAnd256BytesThenTwo() {
        byte[] tlv255 = segment(252, 1); // 86 81 FC + 252
        byte[] tlv256 = segment(253, 1);
        assertThat(tlv255).hasSize(255);
        assertThat(tlv256).hasSize(256);

        assertThat(Es8StoreData.sequence(List.of(tlv255)))
                .singleElement()
                .extracting(CommandApdu::encode)
                .satisfies(apdu -> assertThat(HEX.formatHex(apdu)).startsWith("80E28900FF8681FC"));
        List<CommandApdu> two = Es8StoreData.sequence(List.of(tlv256));
        assertThat(two)
                .extracting(CommandApdu::p1, CommandApdu::p2, CommandApdu::nc)
                .containsExactly(tuple(0x09, 0x00, 255), tuple(0x89, 0x01, 1));
    }

    @Test
    void sequenceWhenSeveralTlvsThenCardReturnsEachInTheBlockThatCompletesIt() throws Exception {
        byte[] certificate = Es8Tags.encode(Es8Tags.CERTIFICATE, filled(400, 3)); // 3A01 82 0190: blocks 00-01
        byte[] small = Es8Tags.encode(Es8Tags.SCP03T_INITIALIZE_UPDATE, filled(24, 4)); // ends in block 01
        byte[] large = segment(600, 5); // ends in block 04
        List<byte[]> tlvs = List.of(certificate, small, large);

        List<CommandApdu> blocks = Es8StoreData.sequence(tlvs);

        assertThat(blocks).hasSize(Es8StoreData.blockCount(tlvs)).hasSize(5);
        assertBlockHeaders(blocks);
        var assembler = new StoreDataAssembler();
        assertThat(assembler.accept(blocks.get(0))).isEmpty();
        assertThat(assembler.accept(blocks.get(1))).containsExactly(certificate, small);
        assertThat(assembler.accept(blocks.get(2))).isEmpty();
        assertThat(assembler.accept(blocks.get(3))).isEmpty();
        assertThat(assembler.accept(blocks.get(4))).containsExactly(large);
    }

    @Test
    void sequenceWhenTheTlvsNeed256BlocksThenLastBlockIsFf() {
        byte[] tlv = segment(256 * 255 - 4, 9); // 86 82 xxxx: 256 * 255 bytes in all
        assertThat(tlv).hasSize(256 * 255);

        List<CommandApdu> blocks = Es8StoreData.sequence(List.of(tlv));

        assertThat(blocks).hasSize(256);
        assertThat(blocks.getLast().p1()).isEqualTo(Es8StoreData.P1_LAST);
        assertThat(blocks.getLast().p2()).isEqualTo(0xFF);
    }

    @Test
    void sequenceWhenTheTlvsNeed257BlocksThenIllegalArgument() {
        byte[] tlv = segment(256 * 255 - 3, 9); // one byte more than 256 blocks hold

        assertThat(Es8StoreData.blockCount(List.of(tlv))).isEqualTo(257);
        assertThatThrownBy(() -> Es8StoreData.sequence(List.of(tlv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("257");
    }

    @Test
    void sequenceWhenAnElementIsNotOneTlvThenIllegalArgument() {
        byte[] twoTlvs = HEX.parseHex("850100" + "850100");
        byte[] truncated = HEX.parseHex("8505000000");

        assertThatThrownBy(() -> Es8StoreData.sequence(List.of(twoTlvs))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es8StoreData.sequence(List.of(truncated)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es8StoreData.sequence(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 200, 256})
    void sequencesWhenManyTlvsThenNoSequenceExceedsMaxBlocksAndNoTlvIsCut(int maxBlocks) throws Exception {
        var random = new Random(maxBlocks);
        List<byte[]> tlvs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int maxValue = Math.min(maxBlocks * 255 - 4, 1100);
            tlvs.add(segment(random.nextInt(maxValue + 1), i));
        }

        List<List<CommandApdu>> sequences = Es8StoreData.sequences(tlvs, maxBlocks);

        var assembler = new StoreDataAssembler();
        List<byte[]> received = new ArrayList<>();
        for (List<CommandApdu> sequence : sequences) {
            assertThat(sequence).hasSizeBetween(1, maxBlocks);
            assertBlockHeaders(sequence);
            // The sequence's bytes are whole TLVs: it ends on a TLV boundary, so the card accepts its last block.
            for (CommandApdu block : sequence) {
                received.addAll(assembler.accept(block));
            }
        }
        assertThat(received).containsExactlyElementsOf(tlvs);
        if (maxBlocks == 256) {
            assertThat(sequences).hasSize(1); // greedy: everything fits in one sequence
        }
    }

    @Test
    void sequencesWhenOneTlvIsLargerThanMaxBlocksThenIllegalArgument() {
        byte[] tlv = segment(3 * 255, 1);

        assertThatThrownBy(() -> Es8StoreData.sequences(List.of(segment(10, 0), tlv), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 3 blocks");
        assertThatThrownBy(() -> Es8StoreData.sequences(List.of(tlv), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es8StoreData.sequences(List.of(tlv), 257))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isStoreDataWhenCla80InsE2ThenTrueElseFalse() {
        assertThat(Es8StoreData.isStoreData(CommandApdu.of(0x80, 0xE2, 0x89, 0x00, new byte[] {1})))
                .isTrue();
        assertThat(Es8StoreData.isStoreData(CommandApdu.of(0x80, 0xE6, 0x0C, 0x00)))
                .isFalse();
        assertThat(Es8StoreData.isStoreData(CommandApdu.of(0x00, 0xE2, 0x89, 0x00)))
                .isFalse();
    }

    @Test
    void acceptWhenBlockOutOfOrderThenFormatExceptionAndAssemblerStartsOver() throws Exception {
        List<CommandApdu> blocks = Es8StoreData.sequence(List.of(segment(600, 2))); // 3 blocks
        var assembler = new StoreDataAssembler();
        assembler.accept(blocks.get(0));

        assertThatThrownBy(() -> assembler.accept(blocks.get(2)))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("block 02 where block 01 was due");
        // Reset: the same sequence sent again from block 00 goes through.
        List<byte[]> received = new ArrayList<>();
        for (CommandApdu block : blocks) {
            received.addAll(assembler.accept(block));
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void acceptWhenFirstBlockMissingThenFormatException() {
        List<CommandApdu> blocks = Es8StoreData.sequence(List.of(segment(600, 2)));

        assertThatThrownBy(() -> new StoreDataAssembler().accept(blocks.get(1)))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("block 01 where block 00 was due");
    }

    @Test
    void acceptWhenLastBlockLeavesTlvIncompleteThenFormatException() throws Exception {
        byte[] tlv = segment(300, 2);
        var assembler = new StoreDataAssembler();
        CommandApdu cut = CommandApdu.of(0x80, 0xE2, Es8StoreData.P1_LAST, 0x00, Arrays.copyOf(tlv, 200));

        assertThatThrownBy(() -> assembler.accept(cut))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("incomplete TLV");
        // Reset: the next sequence starts at block 00 with nothing pending.
        assertThat(assembler.accept(CommandApdu.of(0x80, 0xE2, 0x89, 0x00, HEX.parseHex("850100"))))
                .singleElement()
                .satisfies(t -> assertThat(HEX.formatHex(t)).isEqualTo("850100"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00", // reserved tag byte
                "FF01", // reserved tag byte
                "1F0100", // non-minimal two-byte tag
                "858105" + "0000000000", // non-minimal length
                "8580", // indefinite length
                "8584000000010000", // length field too long
            })
    void acceptWhenBerMalformedThenFormatException(String data) {
        var apdu = CommandApdu.of(0x80, 0xE2, Es8StoreData.P1_MORE, 0x00, HEX.parseHex(data));

        assertThatThrownBy(() -> new StoreDataAssembler().accept(apdu)).isInstanceOf(Es8FormatException.class);
    }

    @Test
    void acceptWhenP1IsNeither09Nor89OrBlockEmptyOrNotStoreDataThenFormatException() {
        var assembler = new StoreDataAssembler();

        assertThatThrownBy(() -> assembler.accept(CommandApdu.of(0x80, 0xE2, 0x88, 0x00, HEX.parseHex("850100"))))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("P1 88");
        assertThatThrownBy(() -> assembler.accept(CommandApdu.of(0x80, 0xE2, 0x89, 0x00)))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("without data");
        assertThatThrownBy(() -> assembler.accept(CommandApdu.of(0x80, 0xE6, 0x89, 0x00, HEX.parseHex("850100"))))
                .isInstanceOf(Es8FormatException.class)
                .hasMessageContaining("not a STORE DATA");
    }

    @Test
    void acceptWhenTlvHeaderSpansBlocksThenTlvIsReturnedOnceComplete() throws Exception {
        // 254 bytes of a first TLV, then the second TLV's tag alone ends block 00.
        byte[] first = segment(251, 1); // 86 81 FB + 251 = 254 bytes
        byte[] second = Es8Tags.encode(Es8Tags.KEY_AGREEMENT, filled(10, 2));
        List<CommandApdu> blocks = Es8StoreData.sequence(List.of(first, second));
        var assembler = new StoreDataAssembler();

        assertThat(assembler.accept(blocks.get(0))).containsExactly(first);
        assertThat(assembler.accept(blocks.get(1))).containsExactly(second);
    }

    @Test
    void tagOfWhenSgp02FunctionTagThenTwoBytesElseBer() throws Exception {
        assertThat(Es8Tags.tagOf(HEX.parseHex("3A0103010203"))).isEqualTo(Es8Tags.CERTIFICATE);
        assertThat(Es8Tags.tagOf(HEX.parseHex("7F490100"))).isEqualTo(0x7F49);
        assertThat(Es8Tags.tagOf(HEX.parseHex("860100"))).isEqualTo(Es8Tags.SCP03T_SEGMENT);
        assertThat(Es8Tags.valueOf(HEX.parseHex("3A0103010203"))).isEqualTo(HEX.parseHex("010203"));
        assertThatThrownBy(() -> Es8Tags.tagOf(HEX.parseHex("3A0103"))).isInstanceOf(Es8FormatException.class);
    }

    /** {@code 86 L value}, the value {@code valueLength} bytes of a pattern seeded by {@code seed}. */
    static byte[] segment(int valueLength, int seed) {
        return Es8Tags.encode(Es8Tags.SCP03T_SEGMENT, filled(valueLength, seed));
    }

    private static byte[] filled(int length, int seed) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (seed * 31 + i);
        }
        return value;
    }

    private static void assertBlockHeaders(List<CommandApdu> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            CommandApdu block = blocks.get(i);
            assertThat(block.cla()).isEqualTo(0x80);
            assertThat(block.ins()).isEqualTo(0xE2);
            assertThat(block.p2()).isEqualTo(i);
            assertThat(block.p1()).isEqualTo(i == blocks.size() - 1 ? 0x89 : 0x09);
            assertThat(block.nc()).isBetween(1, 255);
            if (i < blocks.size() - 1) {
                assertThat(block.nc()).isEqualTo(255);
            }
        }
    }

    private static byte[] concatData(List<CommandApdu> blocks) {
        var out = new ByteArrayOutputStream();
        blocks.forEach(b -> out.writeBytes(b.data()));
        return out.toByteArray();
    }
}
