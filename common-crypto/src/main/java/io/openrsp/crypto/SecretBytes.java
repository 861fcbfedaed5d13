package io.openrsp.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable holder of secret bytes (key material). The bytes come out only with a {@link SecretKeyAccess}
 * token; {@link #toString()} never shows them and {@link #equalsConstantTime} compares without leaking timing.
 */
public final class SecretBytes {

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}; the caller may wipe its array afterwards. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** Fresh random bytes from {@code random}. */
    public static SecretBytes random(int length, SecureRandom random) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive");
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new SecretBytes(bytes);
    }

    /** A copy of the secret bytes. */
    public byte[] toByteArray(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Compares the contents in time independent of where they differ. */
    public boolean equalsConstantTime(SecretBytes other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the bytes with zeros; the holder is useless afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretBytes[redacted, " + bytes.length + " bytes]";
    }
}
