package io.openrsp.crypto.scp03;

import io.openrsp.crypto.CryptoException;
import java.util.Arrays;

/**
 * ISO/IEC 9797-1 padding method 2 ({@code 80 00 ..} to a whole number of 16-byte AES blocks), as GlobalPlatform
 * Card Specification v2.3 §B.2.3 and Amendment D §6.2.6 use it. A full block is added when the data is
 * already aligned.
 */
final class Iso9797Padding {

    static final int BLOCK = 16;

    private Iso9797Padding() {}

    static int paddedLength(int dataLength) {
        return (dataLength / BLOCK + 1) * BLOCK;
    }

    static byte[] pad(byte[] data) {
        byte[] padded = Arrays.copyOf(data, paddedLength(data.length));
        padded[data.length] = (byte) 0x80;
        return padded;
    }

    /**
     * Removes the padding. Called only on authenticated data (the MAC is checked first), so the check need not
     * be constant time.
     */
    static byte[] unpad(byte[] padded) throws CryptoException {
        if (padded.length == 0 || padded.length % BLOCK != 0) {
            throw new CryptoException("padding invalid");
        }
        // The 80 marker must sit in the last block.
        int first = padded.length - BLOCK;
        int i = padded.length - 1;
        while (i > first && padded[i] == 0) {
            i--;
        }
        if (padded[i] != (byte) 0x80) {
            throw new CryptoException("padding invalid");
        }
        return Arrays.copyOf(padded, i);
    }
}
