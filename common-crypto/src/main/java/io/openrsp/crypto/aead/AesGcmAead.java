package io.openrsp.crypto.aead;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretKeyAccess;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV and a 128-bit tag. Output: {@code IV (12) || C ||
 * T (16)}. Used for secrets at rest: PSKs, SCP80 keys, ISD-P key sets, CA keys.
 *
 * <p>Random IVs: SP 800-38D §8.3 caps a key at 2^32 encryptions with random 96-bit IVs; the platform's
 * at-rest keys stay far below that, and rotating a key resets the count.
 *
 * <p>Backed by the JDK's {@code AES/GCM/NoPadding} (AES-NI and carry-less multiply intrinsics), which
 * checks the tag before it returns any plaintext. Thread-safe: a {@link Cipher} is taken per call.
 */
public final class AesGcmAead implements Aead {

    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** AES-256-GCM under {@code key} (32 bytes); {@code random} supplies the IVs. */
    public AesGcmAead(AesKey key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
        if (key.sizeBytes() != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key, not " + key.sizeBytes());
        }
        byte[] keyBytes = key.secret().toByteArray(SecretKeyAccess.get());
        this.key = new SecretKeySpec(keyBytes, "AES");
        Arrays.fill(keyBytes, (byte) 0);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return encryptWithInsecureIv(iv, plaintext, associatedData);
    }

    /**
     * Encryption under a caller-chosen IV, for known-answer tests only: reusing an IV under one key breaks
     * GCM completely (confidentiality and authenticity).
     */
    byte[] encryptWithInsecureIv(byte[] iv, byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("IV must be " + IV_BYTES + " bytes");
        }
        byte[] out = Arrays.copyOf(iv, IV_BYTES + plaintext.length + TAG_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(AeadSupport.orEmpty(associatedData));
            cipher.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws CryptoException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < IV_BYTES + TAG_BYTES) {
            throw AeadSupport.decryptionFailed();
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, ciphertext, 0, IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
        try {
            cipher.updateAAD(AeadSupport.orEmpty(associatedData));
            return cipher.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException above all; the cause is dropped so that every failure looks the same.
            throw AeadSupport.decryptionFailed();
        }
    }

    @Override
    public String toString() {
        return "AesGcmAead[AES-256, key redacted]";
    }
}
