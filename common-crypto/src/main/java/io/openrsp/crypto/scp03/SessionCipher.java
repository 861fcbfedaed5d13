package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretKeyAccess;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES under S-ENC for one session: the ICV of GlobalPlatform Amendment D §6.2.6 (commands: AES-ECB(S-ENC,
 * encryption counter as a 16-byte big-endian block)) and §6.2.7 (responses: the same block with its first
 * byte set to 80), and AES-CBC with that ICV. The JDK's AES (hardware instructions where present) is keyed
 * once per session; only the IV changes per command.
 */
final class SessionCipher {

    private static final int BLOCK = 16;

    private final SecretKeySpec key;
    private final Cipher ecb;
    private final Cipher cbc;

    SessionCipher(AesKey sEnc) {
        byte[] keyBytes = sEnc.secret().toByteArray(SecretKeyAccess.get());
        try {
            key = new SecretKeySpec(keyBytes, "AES");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /** The ICV for the command (or, with {@code response}, the response) of encryption counter {@code counter}. */
    byte[] icv(long counter, boolean response) {
        byte[] block = new byte[BLOCK];
        for (int i = 0; i < Long.BYTES; i++) {
            block[BLOCK - 1 - i] = (byte) (counter >>> (8 * i));
        }
        if (response) {
            block[0] = (byte) 0x80;
        }
        try {
            return ecb.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    /** AES-CBC encryption of already padded data. */
    byte[] encrypt(byte[] icv, byte[] padded) {
        return cbc(Cipher.ENCRYPT_MODE, icv, padded);
    }

    /** AES-CBC decryption; the caller has checked that the length is a multiple of 16. */
    byte[] decrypt(byte[] icv, byte[] ciphertext) {
        return cbc(Cipher.DECRYPT_MODE, icv, ciphertext);
    }

    private byte[] cbc(int mode, byte[] icv, byte[] input) {
        try {
            cbc.init(mode, key, new IvParameterSpec(icv));
            return cbc.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    @Override
    public String toString() {
        return "SessionCipher[key redacted]";
    }
}
