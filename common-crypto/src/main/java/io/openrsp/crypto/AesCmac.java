package io.openrsp.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493) with a 16-byte tag. Used by SCP03 (C-MAC, R-MAC and its KDF), the
 * SCP80 cryptographic checksum and the ES8 receipt.
 *
 * <p>Computed on the JDK's AES (hardware AES instructions where the CPU has them): every block but the last
 * goes through AES-CBC with a zero IV in bulk, and the last block, masked with subkey K1 or K2 (RFC 4493
 * §2.3), is enciphered on the chaining value. This is several times faster than a block-by-block software
 * AES on the 16 KiB profile segments SCP03t MACs.
 *
 * <p>Instances are cheap and not thread-safe: make one per use or per session.
 */
public final class AesCmac implements Mac {

    /** The smallest truncated tag {@link #verifyMac} accepts (SCP03 S8 and SCP80 use 8 bytes). */
    public static final int MIN_TAG_BYTES = 8;

    private static final int BLOCK = 16;
    private static final int CHUNK = 4096;

    private final Cipher cbc;
    private final Cipher ecb;
    private final byte[] k1;
    private final byte[] k2;
    private final byte[] scratch = new byte[CHUNK];

    public AesCmac(AesKey key) {
        byte[] keyBytes = key.secret().toByteArray(SecretKeyAccess.get());
        try {
            var spec = new SecretKeySpec(keyBytes, "AES");
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec(new byte[BLOCK]));
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, spec);
            k1 = doubled(ecb.doFinal(new byte[BLOCK]));
            k2 = doubled(k1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    @Override
    public byte[] computeMac(byte[]... parts) {
        byte[] message = parts.length == 1 ? parts[0] : Bytes.concat(parts);
        int blocks = Math.max(1, (message.length + BLOCK - 1) / BLOCK);
        int prefix = (blocks - 1) * BLOCK;
        try {
            byte[] last = new byte[BLOCK];
            if (prefix > 0) {
                chainingValue(message, prefix, last);
            }
            int lastLength = message.length - prefix;
            byte[] mask = lastLength == BLOCK ? k1 : k2;
            for (int i = 0; i < BLOCK; i++) {
                byte m = i < lastLength ? message[prefix + i] : (i == lastLength ? (byte) 0x80 : 0);
                last[i] ^= (byte) (m ^ mask[i]);
            }
            return ecb.doFinal(last);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    @Override
    public void verifyMac(byte[] mac, byte[]... parts) throws CryptoException {
        if (mac.length < MIN_TAG_BYTES || mac.length > BLOCK) {
            throw new CryptoException("MAC verification failed");
        }
        byte[] expected = Arrays.copyOf(computeMac(parts), mac.length);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CryptoException("MAC verification failed");
        }
    }

    /** CBC with a zero IV over {@code message[0, length)}; its last ciphertext block goes into {@code out}. */
    private void chainingValue(byte[] message, int length, byte[] out) throws GeneralSecurityException {
        for (int offset = 0; offset < length; ) {
            int chunk = Math.min(CHUNK, length - offset);
            boolean final_ = offset + chunk == length;
            // doFinal on the last chunk also resets the cipher to the zero IV for the next MAC.
            int produced = final_
                    ? cbc.doFinal(message, offset, chunk, scratch, 0)
                    : cbc.update(message, offset, chunk, scratch, 0);
            offset += chunk;
            if (final_) {
                System.arraycopy(scratch, produced - BLOCK, out, 0, BLOCK);
            }
        }
    }

    /** Multiplication by x in GF(2^128) (RFC 4493 §2.3 subkey generation). */
    private static byte[] doubled(byte[] block) {
        byte[] out = new byte[BLOCK];
        int carry = 0;
        for (int i = BLOCK - 1; i >= 0; i--) {
            int b = block[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        // Constant time: the reduction constant 0x87 is applied through a mask, not a branch.
        out[BLOCK - 1] ^= (byte) (0x87 & -carry);
        return out;
    }

    @Override
    public String toString() {
        return "AesCmac[key redacted]";
    }
}
