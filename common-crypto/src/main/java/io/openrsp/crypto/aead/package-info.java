/**
 * Authenticated encryption with associated data behind one two-method interface, {@link
 * io.openrsp.crypto.aead.Aead}: {@link io.openrsp.crypto.aead.AesGcmAead} (secrets at rest) and {@link
 * io.openrsp.crypto.aead.AesCbcHmacSha256Aead} (ES1 key wrapping, profile packages at rest).
 *
 * <p>IVs are drawn inside from an injected {@link java.security.SecureRandom} and travel in front of the
 * ciphertext; callers never choose one. The caller-chosen IV paths that known-answer tests need are
 * package-private and named {@code encryptWithInsecureIv}.
 */
package io.openrsp.crypto.aead;
