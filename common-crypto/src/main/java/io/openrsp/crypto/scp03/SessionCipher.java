package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES under S-ENC for one session: the ICV of GlobalPlatform Amendment D §6.2.6 (commands: AES-ECB(S-ENC,
 * encryption counter as a 16-byte big-endian block)) and §6.2.7 (responses: the same block with its first
 * byte set to 80), and AES-CBC with that ICV. The two AES engines are keyed once per session.
 */
final class SessionCipher {

    private static final int BLOCK = 16;

    private final BlockCipher encryptor;
    private final BlockCipher decryptor;

    SessionCipher(AesKey sEnc) {
        byte[] key = sEnc.secret().toByteArray(SecretKeyAccess.get());
        encryptor = AESEngine.newInstance();
        encryptor.init(true, new KeyParameter(key));
        decryptor = AESEngine.newInstance();
        decryptor.init(false, new KeyParameter(key));
        Arrays.fill(key, (byte) 0);
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
        byte[] icv = new byte[BLOCK];
        encryptor.processBlock(block, 0, icv, 0);
        return icv;
    }

    /** AES-CBC encryption of already padded data. */
    byte[] encrypt(byte[] icv, byte[] padded) {
        byte[] out = new byte[padded.length];
        byte[] chain = icv.clone();
        for (int off = 0; off < padded.length; off += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                chain[i] ^= padded[off + i];
            }
            encryptor.processBlock(chain, 0, out, off);
            System.arraycopy(out, off, chain, 0, BLOCK);
        }
        return out;
    }

    /** AES-CBC decryption; the caller has checked that the length is a multiple of 16. */
    byte[] decrypt(byte[] icv, byte[] ciphertext) {
        byte[] out = new byte[ciphertext.length];
        byte[] previous = icv.clone();
        for (int off = 0; off < ciphertext.length; off += BLOCK) {
            decryptor.processBlock(ciphertext, off, out, off);
            for (int i = 0; i < BLOCK; i++) {
                out[off + i] ^= previous[i];
            }
            System.arraycopy(ciphertext, off, previous, 0, BLOCK);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SessionCipher[key redacted]";
    }
}
