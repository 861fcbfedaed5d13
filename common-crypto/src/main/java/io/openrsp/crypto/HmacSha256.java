package io.openrsp.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 (RFC 2104, FIPS 198-1 with FIPS 180-4 SHA-256), a 32-byte tag. Used for request seals,
 * confirmation codes, the AES-CBC + HMAC-SHA-256 AEAD and the SP 800-56C one-step KDF (HMAC option).
 *
 * <p>Backed by the JDK's {@code HmacSHA256} (SHA-256 runs on CPU intrinsics). The key bytes are copied once
 * into a {@link SecretKeySpec} at construction; our own copy is wiped, the JCA one lives as long as this
 * object (the JCA offers no way to wipe it).
 *
 * <p>Thread-safe: each computation takes its own {@link javax.crypto.Mac} (a few microseconds), so one
 * instance can serve a whole service.
 */
public final class HmacSha256 implements Mac {

    /** Output length of HMAC-SHA-256. */
    public static final int TAG_BYTES = 32;

    /** The smallest truncated tag {@link #verifyMac} accepts (same floor as {@link AesCmac}). */
    public static final int MIN_TAG_BYTES = 8;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacSha256(HmacKey key) {
        Objects.requireNonNull(key, "key");
        byte[] keyBytes = key.secret().toByteArray(SecretKeyAccess.get());
        this.key = new SecretKeySpec(keyBytes, ALGORITHM);
        Arrays.fill(keyBytes, (byte) 0);
    }

    @Override
    public byte[] computeMac(byte[]... parts) {
        javax.crypto.Mac mac = newMac();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    @Override
    public void verifyMac(byte[] mac, byte[]... parts) throws CryptoException {
        Objects.requireNonNull(mac, "mac");
        if (mac.length < MIN_TAG_BYTES || mac.length > TAG_BYTES) {
            throw new CryptoException("MAC verification failed");
        }
        byte[] expected = Arrays.copyOf(computeMac(parts), mac.length);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CryptoException("MAC verification failed");
        }
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256; reaching this is a broken JDK, not bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[key redacted]";
    }
}
