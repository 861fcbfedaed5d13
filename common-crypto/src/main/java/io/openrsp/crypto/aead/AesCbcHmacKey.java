package io.openrsp.crypto.aead;

import io.openrsp.crypto.SecretBytes;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The composite key of {@link AesCbcHmacSha256Aead}: {@code K = MAC_KEY || ENC_KEY} (RFC 7518 §5.2.2.1,
 * MAC key first), 32 bytes (AES-128, 16-byte MAC key) or 64 bytes (AES-256, 32-byte MAC key).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the bytes.
 */
public final class AesCbcHmacKey {

    /** AES_128_CBC_HMAC_SHA_256 (RFC 7518 §5.2.3). */
    public static final int AES_128_KEY_BYTES = 32;

    /** AES-256-CBC with HMAC-SHA-256, this platform's extension (see {@link AesCbcHmacSha256Aead}). */
    public static final int AES_256_KEY_BYTES = 64;

    private final SecretBytes secret;

    private AesCbcHmacKey(SecretBytes secret) {
        this.secret = secret;
    }

    /** Wraps {@code secret} ({@code MAC_KEY || ENC_KEY}), which must be 32 or 64 bytes long. */
    public static AesCbcHmacKey of(SecretBytes secret) {
        Objects.requireNonNull(secret, "secret");
        int length = secret.length();
        if (length != AES_128_KEY_BYTES && length != AES_256_KEY_BYTES) {
            throw new IllegalArgumentException("AES-CBC-HMAC key must be 32 or 64 bytes, not " + length);
        }
        return new AesCbcHmacKey(secret);
    }

    /** A fresh random key of {@code sizeBytes} (32 or 64). */
    public static AesCbcHmacKey generate(int sizeBytes, SecureRandom random) {
        if (sizeBytes != AES_128_KEY_BYTES && sizeBytes != AES_256_KEY_BYTES) {
            throw new IllegalArgumentException("AES-CBC-HMAC key must be 32 or 64 bytes, not " + sizeBytes);
        }
        return new AesCbcHmacKey(SecretBytes.random(sizeBytes, random));
    }

    public int sizeBytes() {
        return secret.length();
    }

    public SecretBytes secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "AesCbcHmacKey[redacted, " + secret.length() + " bytes]";
    }
}
