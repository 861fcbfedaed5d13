package io.openrsp.crypto.aead;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.HmacKey;
import io.openrsp.crypto.HmacSha256;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC with HMAC-SHA-256, encrypt-then-MAC, as one AEAD: the RFC 7518 §5.2.2 AES_CBC_HMAC_SHA2
 * composition (from draft-mcgrew-aead-aes-cbc-hmac-sha2). Used for the ES1 key wrapping and for profile
 * packages sealed at rest.
 *
 * <pre>
 *   K  = MAC_KEY || ENC_KEY                       (AesCbcHmacKey, MAC key first)
 *   IV = 16 random bytes
 *   E  = AES-CBC(ENC_KEY, IV, P || PKCS#7 padding)
 *   AL = bit length of A, 64-bit big-endian
 *   T  = leftmost T_LEN bytes of HMAC-SHA-256(MAC_KEY, A || IV || E || AL)
 *   output = IV || E || T
 *
 *   key      MAC_KEY  ENC_KEY       T_LEN  name
 *   32 bytes 16       16 (AES-128)  16     AES_128_CBC_HMAC_SHA_256, exactly RFC 7518 §5.2.3
 *   64 bytes 32       32 (AES-256)  32     this platform's AES_256_CBC_HMAC_SHA_256
 * </pre>
 *
 * <p>Deviation: RFC 7518 pairs a 64-byte key with HMAC-SHA-512 (AES_256_CBC_HMAC_SHA_512). This platform
 * keeps HMAC-SHA-256 throughout and follows the RFC's own rule for every variant, T_LEN = MAC_KEY_LEN, so
 * the 64-byte variant carries the full, untruncated 32-byte HMAC-SHA-256 tag.
 *
 * <p>Decryption checks the length, then the tag (constant time) over the received bytes, and only then
 * decrypts and removes the padding: a bad padding can only follow a forged tag, and every failure (short
 * input, bad tag, bad padding) raises the same {@link CryptoException}, so there is no padding oracle.
 *
 * <p>Thread-safe: a {@link Cipher} and a {@link javax.crypto.Mac} are taken per call.
 */
public final class AesCbcHmacSha256Aead implements Aead {

    public static final int IV_BYTES = 16;

    private static final int BLOCK_BYTES = 16;
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding"; // JCA's name for PKCS#7 on AES

    private final HmacSha256 mac;
    private final SecretKeySpec encKey;
    private final int tagBytes;
    private final SecureRandom random;

    /** The AEAD under {@code key} (32 or 64 bytes, see the table above); {@code random} supplies the IVs. */
    public AesCbcHmacSha256Aead(AesCbcHmacKey key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
        byte[] k = key.secret().toByteArray(SecretKeyAccess.get());
        int half = k.length / 2;
        byte[] macKey = Arrays.copyOfRange(k, 0, half);
        byte[] encKeyBytes = Arrays.copyOfRange(k, half, k.length);
        try {
            this.mac = new HmacSha256(HmacKey.of(SecretBytes.copyOf(macKey)));
            this.encKey = new SecretKeySpec(encKeyBytes, "AES");
            this.tagBytes = half; // T_LEN = MAC_KEY_LEN
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(macKey, (byte) 0);
            Arrays.fill(encKeyBytes, (byte) 0);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return encryptWithInsecureIv(iv, plaintext, associatedData);
    }

    /** Encryption under a caller-chosen IV, for known-answer tests only (CBC needs unpredictable IVs). */
    byte[] encryptWithInsecureIv(byte[] iv, byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("IV must be " + IV_BYTES + " bytes");
        }
        byte[] a = AeadSupport.orEmpty(associatedData);
        byte[] e;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
            e = cipher.doFinal(plaintext);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CBC unavailable", ex);
        }
        byte[] t = tag(a, iv, e);
        return ByteBuffer.allocate(IV_BYTES + e.length + tagBytes)
                .put(iv)
                .put(e)
                .put(t)
                .array();
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws CryptoException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        int eLength = ciphertext.length - IV_BYTES - tagBytes;
        if (eLength < BLOCK_BYTES || eLength % BLOCK_BYTES != 0) {
            throw AeadSupport.decryptionFailed();
        }
        byte[] iv = Arrays.copyOfRange(ciphertext, 0, IV_BYTES);
        byte[] e = Arrays.copyOfRange(ciphertext, IV_BYTES, IV_BYTES + eLength);
        byte[] t = Arrays.copyOfRange(ciphertext, IV_BYTES + eLength, ciphertext.length);
        if (!MessageDigest.isEqual(tag(AeadSupport.orEmpty(associatedData), iv, e), t)) {
            throw AeadSupport.decryptionFailed();
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, encKey, new IvParameterSpec(iv));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CBC unavailable", ex);
        }
        try {
            return cipher.doFinal(e);
        } catch (GeneralSecurityException ex) {
            // BadPaddingException after a valid tag: the sender itself was faulty. Same message as the rest.
            throw AeadSupport.decryptionFailed();
        }
    }

    private byte[] tag(byte[] a, byte[] iv, byte[] e) {
        return Arrays.copyOf(mac.computeMac(a, iv, e, associatedDataLengthBits(a)), tagBytes);
    }

    /** AL: the bit length of the associated data as a 64-bit big-endian integer (RFC 7518 §5.2.2.1). */
    static byte[] associatedDataLengthBits(byte[] associatedData) {
        return ByteBuffer.allocate(Long.BYTES)
                .putLong((long) associatedData.length * 8)
                .array();
    }

    @Override
    public String toString() {
        return "AesCbcHmacSha256Aead[AES-" + (tagBytes * 8) + ", key redacted]";
    }
}
