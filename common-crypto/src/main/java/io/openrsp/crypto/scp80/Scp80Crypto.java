package io.openrsp.crypto.scp80;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.SecretKeyAccess;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The two algorithms of ETSI TS 102 225 §5.1.2/§5.1.3 with algorithm nibble 2: AES-CBC with a zero IV under the
 * KIc key (the counter heads every ciphered block chain, so the IV need not vary) and AES-CMAC (RFC 4493)
 * truncated to 8 bytes under the KID key. Engines are keyed once per sender or receiver.
 */
final class Scp80Crypto {

    static final int BLOCK = 16;
    static final int CC_LENGTH = 8;

    private final BlockCipher encryptor;
    private final BlockCipher decryptor;
    private final AesCmac cmac;

    Scp80Crypto(Scp80KeySet keys) {
        byte[] key = keys.kicKey().secret().toByteArray(SecretKeyAccess.get());
        encryptor = AESEngine.newInstance();
        encryptor.init(true, new KeyParameter(key));
        decryptor = AESEngine.newInstance();
        decryptor.init(false, new KeyParameter(key));
        Arrays.fill(key, (byte) 0);
        cmac = new AesCmac(keys.kidKey());
    }

    /** The number of zero bytes that bring {@code length} to a whole number of AES blocks. */
    static int paddingFor(int length) {
        return (BLOCK - length % BLOCK) % BLOCK;
    }

    byte[] encrypt(byte[] plain) {
        byte[] out = new byte[plain.length];
        byte[] chain = new byte[BLOCK];
        for (int off = 0; off < plain.length; off += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                chain[i] ^= plain[off + i];
            }
            encryptor.processBlock(chain, 0, out, off);
            System.arraycopy(out, off, chain, 0, BLOCK);
        }
        return out;
    }

    /** The caller has checked that the length is a non-zero multiple of 16. */
    byte[] decrypt(byte[] ciphertext) {
        byte[] out = new byte[ciphertext.length];
        byte[] previous = new byte[BLOCK];
        for (int off = 0; off < ciphertext.length; off += BLOCK) {
            decryptor.processBlock(ciphertext, off, out, off);
            for (int i = 0; i < BLOCK; i++) {
                out[off + i] ^= previous[i];
            }
            System.arraycopy(ciphertext, off, previous, 0, BLOCK);
        }
        return out;
    }

    byte[] checksum(byte[]... parts) {
        return Arrays.copyOf(cmac.computeMac(parts), CC_LENGTH);
    }

    /** Constant-time comparison of a received CC with the one computed over {@code parts}. */
    boolean checksumMatches(byte[] cc, byte[]... parts) {
        return MessageDigest.isEqual(checksum(parts), cc);
    }

    @Override
    public String toString() {
        return "Scp80Crypto[keys redacted]";
    }
}
