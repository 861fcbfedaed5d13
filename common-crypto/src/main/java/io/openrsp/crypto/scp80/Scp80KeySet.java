package io.openrsp.crypto.scp80;

import io.openrsp.crypto.AesKey;
import java.util.Objects;

/**
 * ETSI TS 102 225 §5.1.2 and §5.1.3: the keys named by KIc (ciphering, AES-CBC) and KID (cryptographic
 * checksum, AES-CMAC) of one key version. The version is the high nibble of KIc and KID, so 0x1..0xF (TS 102 225
 * Annex A reserves KVN 01..0F for SCP80).
 */
public record Scp80KeySet(int kvn, AesKey kicKey, AesKey kidKey) {

    public Scp80KeySet {
        if (kvn < 0x1 || kvn > 0xF) {
            throw new IllegalArgumentException("SCP80 key version must be 0x1..0xF");
        }
        Objects.requireNonNull(kicKey, "kicKey");
        Objects.requireNonNull(kidKey, "kidKey");
    }

    /** KIc = KID = key version || algorithm {@code 2} (AES; b4b3 = 00: CBC for KIc, CMAC for KID). */
    int keyIdentifierByte() {
        return kvn << 4 | 0x02;
    }

    @Override
    public String toString() {
        return "Scp80KeySet[kvn=" + kvn + ", keys redacted]";
    }
}
