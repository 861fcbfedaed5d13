package io.openrsp.crypto.kdf;

import io.openrsp.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/** Small helpers shared by the hash-based KDFs of this package. */
final class KdfSupport {

    /** Output length of SHA-256 and HMAC-SHA-256. */
    static final int HASH_BYTES = 32;

    private KdfSupport() {}

    static void checkLength(int lengthBytes) {
        if (lengthBytes < 1) {
            throw new IllegalArgumentException("output length must be at least 1 byte, not " + lengthBytes);
        }
    }

    /** The 32-bit big-endian counter both constructions use. */
    static byte[] counter32(int i) {
        return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide SHA-256.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Wraps {@code bytes} in a holder and wipes the array. */
    static SecretBytes seal(byte[] bytes) {
        try {
            return SecretBytes.copyOf(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
