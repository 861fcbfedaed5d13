package io.openrsp.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A key for HMAC (RFC 2104, FIPS 198-1): any non-empty byte string. Keys longer than the hash block are
 * hashed first by HMAC itself; keys shorter than the output length (32 bytes for SHA-256) are weak but legal.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the bytes.
 */
public final class HmacKey {

    private final SecretBytes secret;

    private HmacKey(SecretBytes secret) {
        this.secret = secret;
    }

    /** Wraps {@code secret}, which must not be empty. */
    public static HmacKey of(SecretBytes secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 1) {
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        return new HmacKey(secret);
    }

    /** A fresh random key of {@code sizeBytes} bytes (32 for HMAC-SHA-256 per SP 800-107 §5.3.4). */
    public static HmacKey generate(int sizeBytes, SecureRandom random) {
        return of(SecretBytes.random(sizeBytes, random));
    }

    public int sizeBytes() {
        return secret.length();
    }

    public SecretBytes secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "HmacKey[redacted, " + secret.length() + " bytes]";
    }
}
