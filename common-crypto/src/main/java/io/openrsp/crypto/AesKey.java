package io.openrsp.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/** An AES key of 128, 192 or 256 bits (FIPS 197). */
public final class AesKey {

    private final SecretBytes secret;

    private AesKey(SecretBytes secret) {
        this.secret = secret;
    }

    /** Wraps {@code secret}, which must be 16, 24 or 32 bytes long. */
    public static AesKey of(SecretBytes secret) {
        Objects.requireNonNull(secret, "secret");
        int length = secret.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, not " + length);
        }
        return new AesKey(secret);
    }

    /** A fresh random key of {@code sizeBytes} (16, 24 or 32). */
    public static AesKey generate(int sizeBytes, SecureRandom random) {
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
        return "AesKey[redacted, " + (secret.length() * 8) + " bits]";
    }
}
