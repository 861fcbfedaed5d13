package io.openrsp.crypto;

/** A message authentication code under a key held inside (in the manner of Tink's {@code Mac}). */
public interface Mac {

    /** The full-length MAC of the concatenation of {@code parts}. */
    byte[] computeMac(byte[]... parts);

    /**
     * Checks, in constant time, that {@code mac} is the MAC of the concatenation of {@code parts}, or its
     * leftmost {@code mac.length} bytes when the protocol truncates (never fewer than 8 bytes).
     *
     * @throws CryptoException if it is not
     */
    void verifyMac(byte[] mac, byte[]... parts) throws CryptoException;
}
