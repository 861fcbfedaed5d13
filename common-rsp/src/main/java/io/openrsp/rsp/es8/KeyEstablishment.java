package io.openrsp.rsp.es8;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.kdf.X963Kdf;
import io.openrsp.crypto.scp03.Scp03KeySet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GlobalPlatform Card Specification v2.3 Amendment E scenario #3 as GSMA SGP.02 v4.2 §4.1.3.2 (ES8
 * EstablishISDPKeySet) uses it: the constants and byte layouts both sides share. The choices public text does
 * not confirm (DESIGN.md §11) are made here and only here:
 *
 * <pre>
 *   CRT       A6 L { 90 02 03 00      scenario #3, no options
 *                    95 01 5C         key usage qualifier (platform choice)
 *                    80 01 88         key type AES
 *                    81 01 10         key length 16
 *                    83 01 30         KVN of the new key set
 *                    84 L hostId }    SM-DP id, ASCII, 1..16 bytes
 *   signed    CRT TLV || 7F49 TLV || 85 10 card challenge      (ECDSA P-256 SHA-256, 5F37 raw r||s)
 *   ShS       ECKA(SK.ECASD, ePK.DP), x-coordinate
 *   SharedInfo 5C || 88 || 10 || DR (16) || len(hostId) || hostId             (DR included: platform choice)
 *   KeyData   X9.63 KDF SHA-256 (ShS, SharedInfo), 64 bytes
 *             = receipt key (16) || Key-ENC (16) || Key-MAC (16) || Key-DEK (16)   (split: platform choice)
 *   receipt   AES-CMAC(receipt key, CRT TLV || 85 10 DR), 16 bytes
 * </pre>
 *
 * <p>Deviation: CERT.DP.ECDSA is an X.509 DER certificate, not the GlobalPlatform {@code 7F21} format. The key
 * parameter reference in {@code 7F49} is {@code F0 01 00} (P-256) where DESIGN.md §3.3 shows {@code F0 00}.
 */
final class KeyEstablishment {

    static final int TAG_CRT = 0xA6;
    static final int TAG_SCENARIO = 0x90;
    static final int TAG_KEY_USAGE_QUALIFIER = 0x95;
    static final int TAG_KEY_TYPE = 0x80;
    static final int TAG_KEY_LENGTH = 0x81;
    static final int TAG_KVN = 0x83;
    static final int TAG_HOST_ID = 0x84;
    static final int TAG_PUBLIC_KEY = 0x7F49;
    static final int TAG_EPHEMERAL_KEY = 0xB0;
    static final int TAG_KEY_PARAMETER_REFERENCE = 0xF0;
    static final int TAG_SIGNATURE = 0x5F37;
    static final int TAG_RANDOM = 0x85;
    static final int TAG_RECEIPT = 0x86;

    static final byte[] SCENARIO_3 = {0x03, 0x00};
    static final int KEY_USAGE_QUALIFIER = 0x5C;
    static final int KEY_TYPE_AES = 0x88;
    static final int KEY_LENGTH = 0x10;
    static final int KVN = 0x30;
    static final byte[] P256_REFERENCE = {0x00};
    static final int RANDOM_LENGTH = 16;
    static final int RECEIPT_LENGTH = 16;
    static final int MAX_HOST_ID = 16;
    static final int SIGNATURE_LENGTH = 64;

    private KeyEstablishment() {}

    /** The CRT TLV ({@code A6}) for {@code hostId}. */
    static byte[] crt(byte[] hostId) {
        return Es8Tlv.encode(
                TAG_CRT,
                Es8Tlv.encode(TAG_SCENARIO, SCENARIO_3),
                Es8Tlv.encode(TAG_KEY_USAGE_QUALIFIER, new byte[] {(byte) KEY_USAGE_QUALIFIER}),
                Es8Tlv.encode(TAG_KEY_TYPE, new byte[] {(byte) KEY_TYPE_AES}),
                Es8Tlv.encode(TAG_KEY_LENGTH, new byte[] {(byte) KEY_LENGTH}),
                Es8Tlv.encode(TAG_KVN, new byte[] {(byte) KVN}),
                Es8Tlv.encode(TAG_HOST_ID, hostId));
    }

    /** {@code 85 10 random}: the card challenge, and DR. */
    static byte[] randomTlv(byte[] random) {
        return Es8Tlv.encode(TAG_RANDOM, random);
    }

    /** The host id as bytes: printable ASCII, 1..16 characters. */
    static byte[] hostIdBytes(String hostId) {
        if (hostId.isEmpty() || hostId.length() > MAX_HOST_ID || !isPrintableAscii(hostId)) {
            throw new IllegalArgumentException("host id must be 1.." + MAX_HOST_ID + " printable ASCII characters");
        }
        return hostId.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    static byte[] sharedInfo(byte[] dr, byte[] hostId) {
        var out = new ByteArrayOutputStream(3 + RANDOM_LENGTH + 1 + hostId.length);
        out.write(KEY_USAGE_QUALIFIER);
        out.write(KEY_TYPE_AES);
        out.write(KEY_LENGTH);
        out.writeBytes(dr);
        out.write(hostId.length);
        out.writeBytes(hostId);
        return out.toByteArray();
    }

    /** The derived material: the receipt key and the ISD-P's key set. */
    record Keys(AesKey receiptKey, Scp03KeySet keySet) {
        @Override
        public String toString() {
            return "Keys[redacted]";
        }
    }

    /** KeyData from ShS, cut into the receipt key and the key set (KVN {@code 30}). ShS is destroyed. */
    static Keys derive(SecretBytes shs, byte[] dr, byte[] hostId) {
        try {
            List<SecretBytes> parts = X963Kdf.sha256()
                    .deriveKeys(shs, sharedInfo(dr, hostId), KEY_LENGTH, KEY_LENGTH, KEY_LENGTH, KEY_LENGTH);
            return new Keys(
                    AesKey.of(parts.get(0)),
                    new Scp03KeySet(KVN, AesKey.of(parts.get(1)), AesKey.of(parts.get(2)), AesKey.of(parts.get(3))));
        } finally {
            shs.destroy();
        }
    }

    /** The receipt over the CRT TLV and {@code 85 10 DR}. */
    static byte[] receipt(AesKey receiptKey, byte[] crt, byte[] dr) {
        return new AesCmac(receiptKey).computeMac(crt, randomTlv(dr));
    }
}
