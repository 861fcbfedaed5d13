package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.Arrays;
import java.util.Objects;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D (SCP03) v1.2 §4.1.5, data derivation: NIST SP 800-108
 * KDF in counter mode with AES-CMAC (SP 800-38B, full 16-byte output) as the PRF and an 8-bit counter.
 *
 * <p>Block {@code i} (i = 1, 2, ...) of the SCP03 layout is the CMAC under the base key of:
 *
 * <pre>
 *   +---------------------+------------+----+----------+-----+-----------------------+
 *   | label: 11 x 00      | derivation | 00 | L        | i   | context               |
 *   |                     | constant   |    | 2 bytes, | 1   | host challenge ||     |
 *   |                     | 1 byte     |    | bits, BE | byte| card challenge        |
 *   +---------------------+------------+----+----------+-----+-----------------------+
 *   |&lt;------------------ fixed before counter ---------&gt;|     |&lt;- fixed after counter-&gt;|
 * </pre>
 *
 * <p>The output is the leftmost L bits of block 1 || block 2 || ... . L is the key length for session keys
 * (two blocks for AES-192/256) and 64 for S8 cryptograms and challenges. This is the NIST CAVP
 * "MIDDLE_FIXED" counter location; {@link #sp800108Counter} is the general form (any fixed data before and
 * after the counter), used by the CAVP known-answer tests.
 */
public final class Scp03Kdf {

    /** Amd D §4.1.5 Table 4-1: the derivation constants. */
    public enum DerivationConstant {
        CARD_CRYPTOGRAM(0x00),
        HOST_CRYPTOGRAM(0x01),
        /** Pseudo-random card challenge (Amd D §6.2.2.1); used by SCP03t, see {@link Scp03tHost}. */
        CARD_CHALLENGE(0x02),
        S_ENC(0x04),
        S_MAC(0x06),
        S_RMAC(0x07);

        private final int value;

        DerivationConstant(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }
    }

    private static final int LABEL_ZEROS = 11;
    private static final int BLOCK_BITS = 128;
    /** The 8-bit counter gives at most 255 blocks. */
    private static final int MAX_BLOCKS = 255;

    private Scp03Kdf() {}

    /**
     * Derives a session key of the same length as {@code baseKey} (S-ENC from Key-ENC, S-MAC and S-RMAC from
     * Key-MAC, Amd D §6.2.1).
     */
    public static AesKey deriveKey(AesKey baseKey, DerivationConstant constant, byte[] context) {
        return AesKey.of(derive(baseKey, constant, baseKey.sizeBytes() * 8, context));
    }

    /**
     * Derives public data: a card or host cryptogram (Amd D §6.2.2.2, §6.2.2.3, from S-MAC) or a pseudo-random
     * card challenge (§6.2.2.1, from Key-ENC). These values travel in clear, so they are returned as bytes.
     */
    public static byte[] deriveData(AesKey key, DerivationConstant constant, int lengthBits, byte[] context) {
        if (constant == DerivationConstant.S_ENC
                || constant == DerivationConstant.S_MAC
                || constant == DerivationConstant.S_RMAC) {
            throw new IllegalArgumentException("session keys come from deriveKey, not as bytes");
        }
        return derive(key, constant, lengthBits, context).toByteArray(SecretKeyAccess.get());
    }

    /**
     * NIST SP 800-108 §5.1 KDF in counter mode, PRF AES-CMAC, r = 8: the leftmost {@code lengthBits} of
     * CMAC(ki, fixedBefore || [1]_8 || fixedAfter) || CMAC(ki, fixedBefore || [2]_8 || fixedAfter) || ... .
     * The fixed data is opaque here: nothing (no L, no separator) is inserted.
     *
     * @param lengthBits a positive multiple of 8, at most 255 blocks
     */
    public static SecretBytes sp800108Counter(AesKey ki, byte[] fixedBefore, byte[] fixedAfter, int lengthBits) {
        Objects.requireNonNull(ki, "ki");
        Objects.requireNonNull(fixedBefore, "fixedBefore");
        Objects.requireNonNull(fixedAfter, "fixedAfter");
        if (lengthBits <= 0 || lengthBits % 8 != 0 || lengthBits > MAX_BLOCKS * BLOCK_BITS) {
            throw new IllegalArgumentException("lengthBits must be a positive multiple of 8, at most 255 blocks");
        }
        var prf = new AesCmac(ki);
        int blocks = (lengthBits + BLOCK_BITS - 1) / BLOCK_BITS;
        byte[] output = new byte[blocks * (BLOCK_BITS / 8)];
        byte[] counter = new byte[1];
        for (int i = 1; i <= blocks; i++) {
            counter[0] = (byte) i;
            byte[] block = prf.computeMac(fixedBefore, counter, fixedAfter);
            System.arraycopy(block, 0, output, (i - 1) * block.length, block.length);
            Arrays.fill(block, (byte) 0);
        }
        byte[] truncated = Arrays.copyOf(output, lengthBits / 8);
        SecretBytes result = SecretBytes.copyOf(truncated);
        Arrays.fill(output, (byte) 0);
        Arrays.fill(truncated, (byte) 0);
        return result;
    }

    private static SecretBytes derive(AesKey key, DerivationConstant constant, int lengthBits, byte[] context) {
        Objects.requireNonNull(constant, "constant");
        Objects.requireNonNull(context, "context");
        if (lengthBits <= 0 || lengthBits > 0xFFFF) {
            throw new IllegalArgumentException("L must fit the 2-byte field");
        }
        return sp800108Counter(key, fixedBefore(constant, lengthBits), context, lengthBits);
    }

    /** 11 x 00 || derivation constant || 00 || L (2 bytes, big-endian). */
    private static byte[] fixedBefore(DerivationConstant constant, int lengthBits) {
        byte[] fixed = new byte[LABEL_ZEROS + 4];
        fixed[LABEL_ZEROS] = (byte) constant.value();
        fixed[LABEL_ZEROS + 2] = (byte) (lengthBits >>> 8);
        fixed[LABEL_ZEROS + 3] = (byte) lengthBits;
        return fixed;
    }
}
