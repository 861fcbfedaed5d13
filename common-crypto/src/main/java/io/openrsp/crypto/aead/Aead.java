package io.openrsp.crypto.aead;

import io.openrsp.crypto.CryptoException;

/**
 * Authenticated encryption with associated data (in the manner of Tink's {@code Aead}): the key, and the
 * source of IVs, are inside the object.
 *
 * <p>Associated data is authenticated, not encrypted, and not part of the output: decryption needs the same
 * bytes again. A null associated data means none (the same as an empty array).
 *
 * <p>The implementations in this package are immutable and thread-safe.
 */
public interface Aead {

    /** Encrypts {@code plaintext} and authenticates it with {@code associatedData}; the IV is in the output. */
    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    /**
     * Authenticates and decrypts the output of {@link #encrypt}.
     *
     * @throws CryptoException if the ciphertext or the associated data was changed, or the ciphertext is
     *     malformed; every such failure has the same message
     */
    byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws CryptoException;
}
