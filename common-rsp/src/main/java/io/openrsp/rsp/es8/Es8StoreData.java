package io.openrsp.rsp.es8;

import io.openrsp.rsp.apdu.CommandApdu;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.3 / §5.5 (ES8 over ES3 SendData) and GlobalPlatform Card Specification v2.3 §11.11 (STORE
 * DATA): how the ES8 TLVs travel to the ISD-P. A <em>sequence</em> is one SendData script: whole TLVs,
 * concatenated, cut into STORE DATA blocks.
 *
 * <pre>
 *   80 E2 P1 P2 Lc data        data: at most 255 bytes (short APDU), the next bytes of the TLV stream
 *                              P1: 09 more blocks follow in this sequence, 89 last block (b8 = last block)
 *                              P2: block number 00, 01, ... within the sequence (at most 256 blocks)
 * </pre>
 *
 * <p>A sequence never ends inside a TLV; a TLV never spans two sequences. The card answers the block that
 * completes a TLV with that TLV's response data (see {@link StoreDataAssembler}).
 *
 * <p>Deviation from DESIGN.md §3.3, which shows {@code 3A02} as {@code 80 E2 89 01}: block numbers restart at
 * {@code 00} with each sequence, and {@code 3A02} goes alone in its own sequence (the SM-DP needs the card's
 * answer to {@code 3A01} to build it), so it is {@code 80 E2 89 00}. {@code 3A01} is {@code 80 E2 09 00} then
 * {@code 80 E2 89 01} when the certificate needs two blocks. P1 low bits {@code 09} as in DESIGN.md §3.3 (GP
 * §11.11.2.1: b4 b1 encryption and structure information, kept as that table has them).
 */
public final class Es8StoreData {

    public static final int CLA = 0x80;
    public static final int INS = 0xE2;
    /** P1 of a block that is not the last of its sequence. */
    public static final int P1_MORE = 0x09;
    /** P1 of the last block of a sequence (b8 set). */
    public static final int P1_LAST = 0x89;
    /** Bytes of the TLV stream per block: the largest Nc of a short APDU. */
    public static final int BLOCK_SIZE = CommandApdu.MAX_NC;
    /** Block numbers are one byte: at most 256 blocks in a sequence. */
    public static final int MAX_BLOCKS = 256;

    private Es8StoreData() {}

    /** Whether {@code apdu} is a STORE DATA ({@code CLA 80, INS E2}), whatever its P1, P2 and data. */
    public static boolean isStoreData(CommandApdu apdu) {
        return apdu.cla() == CLA && apdu.ins() == INS;
    }

    /**
     * One sequence carrying {@code tlvs} in order.
     *
     * @throws IllegalArgumentException if {@code tlvs} is empty, an element is not exactly one well-formed TLV,
     *     or the sequence needs more than 256 blocks
     */
    public static List<CommandApdu> sequence(List<byte[]> tlvs) {
        int blocks = blockCount(tlvs);
        if (blocks == 0) {
            throw new IllegalArgumentException("a sequence carries at least one TLV");
        }
        if (blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException(
                    "the TLVs need " + blocks + " STORE DATA blocks, more than " + MAX_BLOCKS + " in one sequence");
        }
        var stream = new ByteArrayOutputStream();
        tlvs.forEach(stream::writeBytes);
        byte[] bytes = stream.toByteArray();
        List<CommandApdu> apdus = new ArrayList<>(blocks);
        for (int block = 0; block < blocks; block++) {
            int from = block * BLOCK_SIZE;
            int to = Math.min(bytes.length, from + BLOCK_SIZE);
            int p1 = block == blocks - 1 ? P1_LAST : P1_MORE;
            apdus.add(CommandApdu.of(CLA, INS, p1, block, Arrays.copyOfRange(bytes, from, to)));
        }
        return List.copyOf(apdus);
    }

    /**
     * How many STORE DATA blocks {@code tlvs} need in one sequence (0 for none).
     *
     * @throws IllegalArgumentException if an element is not exactly one well-formed TLV
     */
    public static int blockCount(List<byte[]> tlvs) {
        long total = 0;
        for (byte[] tlv : tlvs) {
            total += checkedLength(tlv);
        }
        return blocksFor(total);
    }

    /**
     * Splits {@code tlvs} into consecutive sequences of at most {@code maxBlocks} blocks each, never cutting a
     * TLV across sequences; each sequence takes as many TLVs as fit.
     *
     * @throws IllegalArgumentException if {@code maxBlocks} is not 1..256, a single TLV needs more than {@code
     *     maxBlocks} blocks, or an element is not exactly one well-formed TLV
     */
    public static List<List<CommandApdu>> sequences(List<byte[]> tlvs, int maxBlocks) {
        if (maxBlocks < 1 || maxBlocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("maxBlocks must be 1.." + MAX_BLOCKS + ", not " + maxBlocks);
        }
        List<List<CommandApdu>> out = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        long currentBytes = 0;
        for (byte[] tlv : tlvs) {
            int length = checkedLength(tlv);
            if (blocksFor(length) > maxBlocks) {
                throw new IllegalArgumentException("a TLV of " + length + " bytes needs more than " + maxBlocks
                        + " blocks: it cannot travel in one sequence");
            }
            if (!current.isEmpty() && blocksFor(currentBytes + length) > maxBlocks) {
                out.add(sequence(current));
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(tlv);
            currentBytes += length;
        }
        if (!current.isEmpty()) {
            out.add(sequence(current));
        }
        return List.copyOf(out);
    }

    private static int blocksFor(long bytes) {
        return (int) ((bytes + BLOCK_SIZE - 1) / BLOCK_SIZE);
    }

    private static int checkedLength(byte[] tlv) {
        Objects.requireNonNull(tlv, "tlv");
        try {
            Es8Tlv.single(tlv);
        } catch (Es8FormatException e) {
            throw new IllegalArgumentException("not one well-formed ES8 TLV: " + e.getMessage(), e);
        }
        return tlv.length;
    }
}
