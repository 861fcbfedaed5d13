package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import java.util.Objects;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D §4.1.1 (SCP03 keys): the static key set of a Security
 * Domain, identified by its key version number: Key-ENC (session key S-ENC, card challenge), Key-MAC
 * (S-MAC, S-RMAC) and Key-DEK (key and sensitive data encryption). All three have the same AES length.
 *
 * <p>In this platform the ISD-P's set (KVN {@code 30}) comes from the ES8 key establishment (DESIGN.md §4
 * step 3) and protects the SCP03t profile download.
 *
 * @param kvn key version number, 0x01..0x7F (Amd D reserves 0x30..0x3F for SCP03 on the ISD-P; any value in
 *     the GlobalPlatform range is accepted here)
 */
public record Scp03KeySet(int kvn, AesKey keyEnc, AesKey keyMac, AesKey keyDek) {

    public Scp03KeySet {
        if (kvn < 0x01 || kvn > 0x7F) {
            throw new IllegalArgumentException("KVN must be 0x01..0x7F");
        }
        Objects.requireNonNull(keyEnc, "keyEnc");
        Objects.requireNonNull(keyMac, "keyMac");
        Objects.requireNonNull(keyDek, "keyDek");
        if (keyEnc.sizeBytes() != keyMac.sizeBytes() || keyEnc.sizeBytes() != keyDek.sizeBytes()) {
            throw new IllegalArgumentException("Key-ENC, Key-MAC and Key-DEK must have the same length");
        }
    }

    /** The AES key length of the set, in bytes (16, 24 or 32). */
    public int keySizeBytes() {
        return keyEnc.sizeBytes();
    }

    @Override
    public String toString() {
        return "Scp03KeySet[kvn=" + String.format("%02X", kvn) + ", " + keySizeBytes() * 8 + " bits, keys redacted]";
    }
}
