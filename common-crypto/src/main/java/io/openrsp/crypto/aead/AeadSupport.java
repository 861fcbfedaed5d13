package io.openrsp.crypto.aead;

import io.openrsp.crypto.CryptoException;

/** What the AEADs of this package share. */
final class AeadSupport {

    /** The single message of every decryption failure, so that failures cannot be told apart. */
    static final String DECRYPTION_FAILED = "decryption failed";

    private static final byte[] EMPTY = new byte[0];

    private AeadSupport() {}

    static CryptoException decryptionFailed() {
        return new CryptoException(DECRYPTION_FAILED);
    }

    static byte[] orEmpty(byte[] associatedData) {
        return associatedData == null ? EMPTY : associatedData;
    }
}
