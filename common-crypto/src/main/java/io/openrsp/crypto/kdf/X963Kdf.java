package io.openrsp.crypto.kdf;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * ANSI X9.63-2001 §5.6.3 key derivation function (also SEC 1 v2 §3.6.1, NIST SP 800-135 §4.3) with
 * SHA-256, as GlobalPlatform Amd E and GSMA SGP.02 / SGP.22 use it to turn the ECKA shared secret ShS into
 * session keys.
 *
 * <pre>
 *   K(i) = SHA-256( Z || counter(i) || SharedInfo )      counter(i): 4 bytes, big-endian, 00000001, 00000002, ...
 *                     ^ counter AFTER Z (SP 800-56C puts it before Z, see OneStepKdf)
 *
 *   KeyData = leftmost L bytes of K(1) || K(2) || ... || K(ceil(L / 32))
 * </pre>
 *
 * <p>The standard's limits (|Z| + 4 + |SharedInfo| below SHA-256's input limit, L below 32 * (2^32 - 1)
 * bytes) cannot be reached with Java arrays and an {@code int} length, so they are not checked.
 *
 * <p>Stateless and thread-safe.
 */
public final class X963Kdf {

    private static final X963Kdf SHA256 = new X963Kdf();

    private X963Kdf() {}

    /** The X9.63 KDF with SHA-256 (the only hash this platform uses with it). */
    public static X963Kdf sha256() {
        return SHA256;
    }

    /**
     * KeyData of {@code lengthBytes} bytes from the shared secret {@code z} and {@code sharedInfo} (may be
     * empty, not null).
     */
    public SecretBytes derive(SecretBytes z, byte[] sharedInfo, int lengthBytes) {
        return KdfSupport.seal(deriveBytes(z, sharedInfo, lengthBytes));
    }

    /**
     * KeyData of the summed lengths, cut into consecutive keys: {@code deriveKeys(shs, info, 16, 16, 16)}
     * gives {@code [K1, K2, K3]} with {@code KeyData = K1 || K2 || K3}, as SGP.22 BSP (initial MCV, S-ENC,
     * S-MAC) and SGP.02 ES8 key establishment split their KeyData.
     */
    public List<SecretBytes> deriveKeys(SecretBytes z, byte[] sharedInfo, int... keyLengthsBytes) {
        Objects.requireNonNull(keyLengthsBytes, "keyLengthsBytes");
        if (keyLengthsBytes.length == 0) {
            throw new IllegalArgumentException("at least one key length is needed");
        }
        int total = 0;
        for (int length : keyLengthsBytes) {
            KdfSupport.checkLength(length);
            total = Math.addExact(total, length);
        }
        byte[] keyData = deriveBytes(z, sharedInfo, total);
        try {
            List<SecretBytes> keys = new ArrayList<>(keyLengthsBytes.length);
            int offset = 0;
            for (int length : keyLengthsBytes) {
                keys.add(KdfSupport.seal(Arrays.copyOfRange(keyData, offset, offset + length)));
                offset += length;
            }
            return List.copyOf(keys);
        } finally {
            Arrays.fill(keyData, (byte) 0);
        }
    }

    private static byte[] deriveBytes(SecretBytes z, byte[] sharedInfo, int lengthBytes) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(sharedInfo, "sharedInfo");
        KdfSupport.checkLength(lengthBytes);
        byte[] zBytes = z.toByteArray(SecretKeyAccess.get());
        byte[] out = new byte[lengthBytes];
        MessageDigest sha256 = KdfSupport.sha256();
        try {
            for (int i = 1, offset = 0; offset < lengthBytes; i++, offset += KdfSupport.HASH_BYTES) {
                sha256.update(zBytes);
                sha256.update(KdfSupport.counter32(i));
                sha256.update(sharedInfo);
                byte[] block = sha256.digest();
                System.arraycopy(block, 0, out, offset, Math.min(block.length, lengthBytes - offset));
                Arrays.fill(block, (byte) 0);
            }
            return out;
        } finally {
            Arrays.fill(zBytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "X963Kdf[SHA-256]";
    }
}
