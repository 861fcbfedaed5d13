package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The C-MAC chain of GlobalPlatform Amendment D §6.2.4: new MCV = AES-CMAC(S-MAC, MCV || message), the
 * transmitted MAC being the leftmost 8 bytes (S8 mode). The MCV lives only here.
 */
final class MacChain {

    static final int MAC_LENGTH = 8;

    private final AesCmac cmac;
    private byte[] mcv;

    MacChain(AesKey sMac, byte[] initialMcv) {
        this.cmac = new AesCmac(sMac);
        this.mcv = initialMcv.clone();
    }

    /** Chains {@code parts} and returns the 8-byte MAC to transmit. */
    byte[] chain(byte[]... parts) {
        mcv = cmac.computeMac(withMcv(parts));
        return Arrays.copyOf(mcv, MAC_LENGTH);
    }

    /**
     * Checks in constant time that {@code mac} is the MAC of {@code parts} under the current MCV; only then does
     * the chain advance. On failure the MCV is unchanged (the caller closes its session).
     */
    void verifyAndChain(byte[] mac, byte[]... parts) throws CryptoException {
        byte[] candidate = cmac.computeMac(withMcv(parts));
        if (mac.length != MAC_LENGTH || !MessageDigest.isEqual(Arrays.copyOf(candidate, MAC_LENGTH), mac)) {
            throw new CryptoException("C-MAC verification failed");
        }
        mcv = candidate;
    }

    /** A copy of the current MCV, for the R-MAC of the response to the last command. */
    byte[] mcv() {
        return mcv.clone();
    }

    private byte[][] withMcv(byte[]... parts) {
        byte[][] all = new byte[parts.length + 1][];
        all[0] = mcv;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return all;
    }

    @Override
    public String toString() {
        return "MacChain[redacted]";
    }
}
