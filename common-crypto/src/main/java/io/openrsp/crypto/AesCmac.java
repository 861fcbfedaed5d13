package io.openrsp.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493) with a 16-byte tag. Used by SCP03 (C-MAC, R-MAC and its KDF), the
 * SCP80 cryptographic checksum and the ES8 receipt.
 *
 * <p>Instances are cheap and not thread-safe: make one per use or per session.
 */
public final class AesCmac implements Mac {

    /** The smallest truncated tag {@link #verifyMac} accepts (SCP03 S8 and SCP80 use 8 bytes). */
    public static final int MIN_TAG_BYTES = 8;

    private final CMac cmac;

    public AesCmac(AesKey key) {
        cmac = new CMac(AESEngine.newInstance());
        byte[] keyBytes = key.secret().toByteArray(SecretKeyAccess.get());
        cmac.init(new KeyParameter(keyBytes));
        Arrays.fill(keyBytes, (byte) 0);
    }

    @Override
    public byte[] computeMac(byte[]... parts) {
        for (byte[] part : parts) {
            cmac.update(part, 0, part.length);
        }
        byte[] out = new byte[cmac.getMacSize()];
        cmac.doFinal(out, 0);
        return out;
    }

    @Override
    public void verifyMac(byte[] mac, byte[]... parts) throws CryptoException {
        if (mac.length < MIN_TAG_BYTES || mac.length > cmac.getMacSize()) {
            throw new CryptoException("MAC verification failed");
        }
        byte[] expected = Arrays.copyOf(computeMac(parts), mac.length);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CryptoException("MAC verification failed");
        }
    }

    @Override
    public String toString() {
        return "AesCmac[key redacted]";
    }
}
