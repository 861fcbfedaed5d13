package io.openrsp.rsp.es8;

import io.openrsp.rsp.apdu.CommandApdu;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GlobalPlatform Card Specification v2.3 §11.11 (STORE DATA chaining) as GSMA SGP.02 v4.2 §4.1.3 / §5.5 uses it
 * for ES8, card side: reassembles the TLV stream of one ISD-P from its STORE DATA blocks (layout in {@link
 * Es8StoreData}).
 *
 * <p>A TLV is handed back in the call that takes its last byte, so the card can answer that block with the
 * TLV's response data. Refused with {@link Es8FormatException} (the card answers {@code 6A80}), after which the
 * assembler starts over: a command that is not STORE DATA, P1 other than {@code 09}/{@code 89}, a block
 * without data, a block number other than the next one (a sequence starts at {@code 00}), a malformed TLV
 * header, a sequence whose last block leaves a TLV incomplete.
 *
 * <p>Not thread-safe; one per ISD-P session. Holds at most one sequence (256 blocks of 255 bytes).
 */
public final class StoreDataAssembler {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int nextBlock;

    public StoreDataAssembler() {}

    /**
     * Takes the next block.
     *
     * @return the TLVs this block completed, in order (whole: tag, length, value), possibly none
     * @throws Es8FormatException if the block is out of order, a TLV is malformed, or the sequence ends (P1 b8)
     *     with a TLV incomplete; the assembler has then been reset
     */
    public List<byte[]> accept(CommandApdu storeData) throws Es8FormatException {
        try {
            return acceptChecked(storeData);
        } catch (Es8FormatException e) {
            reset();
            throw e;
        }
    }

    private List<byte[]> acceptChecked(CommandApdu apdu) throws Es8FormatException {
        if (!Es8StoreData.isStoreData(apdu)) {
            throw new Es8FormatException("not a STORE DATA command");
        }
        boolean last = apdu.p1() == Es8StoreData.P1_LAST;
        if (!last && apdu.p1() != Es8StoreData.P1_MORE) {
            throw new Es8FormatException("STORE DATA P1 " + hex(apdu.p1()) + " is neither 09 nor 89");
        }
        if (apdu.p2() != nextBlock) {
            throw new Es8FormatException("STORE DATA block " + hex(apdu.p2()) + " where block "
                    + (nextBlock < Es8StoreData.MAX_BLOCKS ? hex(nextBlock) : "none (256 taken)") + " was due");
        }
        if (apdu.nc() == 0) {
            throw new Es8FormatException("STORE DATA block " + hex(apdu.p2()) + " without data");
        }
        pending.writeBytes(apdu.data());
        nextBlock++;
        byte[] bytes = pending.toByteArray();
        List<byte[]> complete = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            Es8Tlv.Header header = Es8Tlv.readHeader(bytes, offset, bytes.length);
            if (header == null || header.totalLength() > bytes.length - offset) {
                break;
            }
            complete.add(Arrays.copyOfRange(bytes, offset, offset + header.totalLength()));
            offset += header.totalLength();
        }
        if (last && offset < bytes.length) {
            throw new Es8FormatException(
                    "the sequence ends with an incomplete TLV (" + (bytes.length - offset) + " bytes left)");
        }
        pending.reset();
        pending.write(bytes, offset, bytes.length - offset);
        if (last) {
            nextBlock = 0;
        }
        return List.copyOf(complete);
    }

    /** Drops any partial TLV; the next block must be block {@code 00} of a new sequence. */
    public void reset() {
        pending.reset();
        nextBlock = 0;
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }

    @Override
    public String toString() {
        return "StoreDataAssembler[next block=" + nextBlock + ", pending bytes=" + pending.size() + "]";
    }
}
