package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;

/**
 * GlobalPlatform Amendment D §6.2.1: the session keys, derived from the static keys with context = host
 * challenge || card challenge.
 */
record SessionKeys(AesKey sEnc, AesKey sMac, AesKey sRmac) {

    static SessionKeys derive(Scp03KeySet keys, byte[] context) {
        return new SessionKeys(
                Scp03Kdf.deriveKey(keys.keyEnc(), Scp03Kdf.DerivationConstant.S_ENC, context),
                Scp03Kdf.deriveKey(keys.keyMac(), Scp03Kdf.DerivationConstant.S_MAC, context),
                Scp03Kdf.deriveKey(keys.keyMac(), Scp03Kdf.DerivationConstant.S_RMAC, context));
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
