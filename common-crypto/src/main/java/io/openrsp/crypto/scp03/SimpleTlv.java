package io.openrsp.crypto.scp03;

import io.openrsp.crypto.CryptoException;
import java.util.Arrays;

/**
 * One BER-TLV with a one-byte tag and a definite length in its shortest form (ITU-T X.690 §8.1.3), as the SCP03t
 * and SGP.22 BSP streams carry them. Parsing is strict (one TLV, nothing after it, minimal length) so that each
 * protected stream has exactly one encoding.
 */
record SimpleTlv(int tag, byte[] lengthBytes, byte[] value) {

    private static final int MAX_LENGTH = 0xFFFFFF;

    /** The BER length octets of {@code length} (short form below 128, else 81, 82 or 83). */
    static byte[] encodeLength(int length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("TLV length out of range");
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length <= 0xFFFF) {
            return new byte[] {(byte) 0x82, (byte) (length >>> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    static SimpleTlv parse(byte[] tlv) throws CryptoException {
        if (tlv == null || tlv.length < 2) {
            throw new CryptoException("TLV malformed");
        }
        int tag = tlv[0] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new CryptoException("TLV malformed: multi-byte tag");
        }
        int first = tlv[1] & 0xFF;
        int lengthOctets = first < 0x80 ? 1 : 1 + (first & 0x7F);
        if (first == 0x80 || lengthOctets > 4 || tlv.length < 1 + lengthOctets) {
            throw new CryptoException("TLV malformed: length");
        }
        int length = first;
        if (first > 0x80) {
            length = 0;
            for (int i = 2; i < 1 + lengthOctets; i++) {
                length = (length << 8) | (tlv[i] & 0xFF);
            }
        }
        byte[] lengthBytes = Arrays.copyOfRange(tlv, 1, 1 + lengthOctets);
        if (!Arrays.equals(lengthBytes, encodeLength(length))) {
            throw new CryptoException("TLV malformed: length not in shortest form");
        }
        if (tlv.length != 1 + lengthOctets + length) {
            throw new CryptoException("TLV malformed: length does not match");
        }
        return new SimpleTlv(tag, lengthBytes, Arrays.copyOfRange(tlv, 1 + lengthOctets, tlv.length));
    }
}
