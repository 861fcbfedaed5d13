package io.openrsp.crypto.kdf;

import io.openrsp.crypto.HmacKey;
import io.openrsp.crypto.HmacSha256;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * NIST SP 800-56C Rev 2 §4.1 one-step key derivation (the SP 800-56A "concatenation KDF"), with
 * auxiliary function H = SHA-256 (option 1) or H = HMAC-SHA-256 keyed with a salt (option 2).
 *
 * <pre>
 *   K(i) = H( counter(i) || Z || FixedInfo )      counter(i): 4 bytes, big-endian, 00000001, 00000002, ...
 *             ^ counter BEFORE Z (X9.63 puts it after Z, see X963Kdf)
 *
 *   option 1:  H(x) = SHA-256(x)
 *   option 2:  H(x) = HMAC-SHA-256(salt, x)       default salt: 32 zero bytes
 *
 *   DerivedKeyingMaterial = leftmost L bytes of K(1) || K(2) || ... || K(ceil(L / 32))
 * </pre>
 *
 * <p>Default salt: SP 800-56C Rev 2 specifies an all-zero salt as long as the hash's input block (64 bytes
 * for SHA-256); NIST's ACVP uses 32 zero bytes. HMAC pads any key shorter than the block with zeros, so the
 * two (and an empty salt) are the same HMAC key; this class uses 32 zero bytes and maps an empty salt to it
 * (the JCA refuses empty HMAC keys). FixedInfo is given as the exact byte string to hash; building it from
 * AlgorithmID, PartyUInfo, PartyVInfo (SP 800-56C §4.2 / SP 800-56A §5.8.2) is the caller's job, since
 * each use in the platform fixes its own layout.
 *
 * <p>Immutable and thread-safe.
 */
public final class OneStepKdf {

    private static final OneStepKdf SHA256 = new OneStepKdf(null);
    private static final int DEFAULT_SALT_BYTES = 32;

    /** The salt of option 2, or null for option 1. */
    private final HmacKey salt;

    private OneStepKdf(HmacKey salt) {
        this.salt = salt;
    }

    /** Option 1: H = SHA-256. */
    public static OneStepKdf sha256() {
        return SHA256;
    }

    /** Option 2: H = HMAC-SHA-256 with the default salt (32 zero bytes). */
    public static OneStepKdf hmacSha256() {
        return new OneStepKdf(HmacKey.of(SecretBytes.copyOf(new byte[DEFAULT_SALT_BYTES])));
    }

    /** Option 2: H = HMAC-SHA-256 keyed with {@code salt} (an empty salt means the default salt). */
    public static OneStepKdf hmacSha256(SecretBytes salt) {
        Objects.requireNonNull(salt, "salt");
        return salt.length() == 0 ? hmacSha256() : new OneStepKdf(HmacKey.of(salt));
    }

    /**
     * DerivedKeyingMaterial of {@code lengthBytes} bytes from the shared secret {@code z} and {@code
     * fixedInfo} (may be empty, not null).
     */
    public SecretBytes derive(SecretBytes z, byte[] fixedInfo, int lengthBytes) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(fixedInfo, "fixedInfo");
        KdfSupport.checkLength(lengthBytes);
        byte[] zBytes = z.toByteArray(SecretKeyAccess.get());
        byte[] out = new byte[lengthBytes];
        Hash h = salt == null ? sha256Hash() : hmacHash(new HmacSha256(salt));
        try {
            for (int i = 1, offset = 0; offset < lengthBytes; i++, offset += KdfSupport.HASH_BYTES) {
                byte[] block = h.apply(KdfSupport.counter32(i), zBytes, fixedInfo);
                System.arraycopy(block, 0, out, offset, Math.min(block.length, lengthBytes - offset));
                Arrays.fill(block, (byte) 0);
            }
            return KdfSupport.seal(out);
        } finally {
            Arrays.fill(zBytes, (byte) 0);
        }
    }

    /** The auxiliary function H over the concatenation of its arguments. */
    @FunctionalInterface
    private interface Hash {
        byte[] apply(byte[]... parts);
    }

    private static Hash sha256Hash() {
        MessageDigest sha256 = KdfSupport.sha256();
        return parts -> {
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        };
    }

    private static Hash hmacHash(HmacSha256 hmac) {
        return hmac::computeMac;
    }

    @Override
    public String toString() {
        return salt == null ? "OneStepKdf[SHA-256]" : "OneStepKdf[HMAC-SHA-256, salt redacted]";
    }
}
