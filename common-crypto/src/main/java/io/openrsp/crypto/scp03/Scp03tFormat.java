package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.util.Arrays;

/**
 * The SCP03t stream of this platform: the one place that fixes what GSMA SGP.02 leaves to us or what public
 * text does not confirm (DESIGN.md §4 step 4, §11). Modelled on SGP.02 SCP03t and the SGP.22 BSP; the SCP03
 * rules are GlobalPlatform Card Specification v2.3 Amendment D v1.2.
 *
 * <p>The host sends the whole stream at once (no card round trip, as in the SGP.22 BSP): freshness comes from
 * the ES8 key establishment, which mixes the card's random DR into the key set, and from the sequence counter
 * below, which the card requires to be higher than the last one it accepted for the key set.
 *
 * <pre>
 *   84 18  KVN (1) || sequence counter (3) || host challenge (8) || profile length (4, bytes, big-endian) || C-MAC (8)
 *   85 11  security level 33 (1) || host cryptogram (8) || C-MAC (8)
 *   86 L   AES-CBC(S-ENC, ICV, segment || 80 00..) || C-MAC (8)            one per segment, in order
 *   87 L   AES-CBC(S-ENC, response ICV, response || 80 00..) || R-MAC (8)   the card's answer
 * </pre>
 *
 * <ul>
 *   <li>Card challenge: pseudo-random (Amd D §6.2.2.1), AES-CMAC KDF of Key-ENC with constant {@code 02},
 *       L = 64, context = sequence counter (deviation: the invoking AID is left out, the key set belongs to one
 *       ISD-P). Session keys S-ENC, S-MAC, S-RMAC and the host cryptogram (constant {@code 01}) use context =
 *       host challenge || card challenge, as in SCP03. No card cryptogram is sent.
 *   <li>C-MAC over every command TLV, {@code 84} included: MCV = AES-CMAC(S-MAC, MCV || tag || BER length ||
 *       payload) from MCV = 16 x 00, never reset; the TLV ends with MCV[0..8] (the SGP.22 BSP rule).
 *   <li>Segments: the profile package cut into 1024-byte pieces, the last one 1..1024 bytes (none for an empty
 *       package). The encryption counter is 1 for the first segment, +1 per segment; {@code 84} and {@code 85}
 *       do not count. ICV = AES(S-ENC, counter as 16 bytes).
 *   <li>End of stream: the profile length in {@code 84} (covered by its C-MAC). Every segment but the last
 *       must be exactly 1024 bytes, so the card knows the end when the declared length is reached, and rejects a
 *       stream that stops short (truncation) or goes on (extension).
 *   <li>Response {@code 87}: sent once, after the last segment; R-MAC = AES-CMAC(S-RMAC, MCV after the last
 *       command TLV || 87 || BER length || payload)[0..8]; the data is encrypted (level 33 includes
 *       R-ENCRYPTION) with ICV = AES(S-ENC, 80 || counter[1..15]), counter = the last segment's; empty data is
 *       not encrypted.
 * </ul>
 */
final class Scp03tFormat {

    static final int TAG_INITIALIZE_UPDATE = 0x84;
    static final int TAG_EXTERNAL_AUTHENTICATE = 0x85;
    static final int TAG_SEGMENT = 0x86;
    static final int TAG_RESPONSE = 0x87;
    static final int SEGMENT_SIZE = 1024;
    static final Scp03SecurityLevel SECURITY_LEVEL = Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC;

    private static final int CHALLENGE_LENGTH = 8;
    private static final int CHALLENGE_BITS = 64;
    private static final int INITIALIZE_UPDATE_LENGTH = 1 + 3 + CHALLENGE_LENGTH + 4;
    private static final int EXTERNAL_AUTHENTICATE_LENGTH = 1 + CHALLENGE_LENGTH;

    private Scp03tFormat() {}

    /** The value of {@code 84} before its C-MAC. */
    record InitializeUpdate(int kvn, Scp03SequenceCounter sequenceCounter, byte[] hostChallenge, int profileLength) {

        byte[] encode() {
            return Bytes.concat(new byte[] {(byte) kvn}, sequenceCounter.toBytes(), hostChallenge, new byte[] {
                (byte) (profileLength >>> 24),
                (byte) (profileLength >>> 16),
                (byte) (profileLength >>> 8),
                (byte) profileLength
            });
        }

        static InitializeUpdate decode(byte[] value) throws CryptoException {
            if (value.length != INITIALIZE_UPDATE_LENGTH) {
                throw new CryptoException("SCP03t 84 malformed");
            }
            int length =
                    (value[12] & 0xFF) << 24 | (value[13] & 0xFF) << 16 | (value[14] & 0xFF) << 8 | (value[15] & 0xFF);
            if (length < 0) {
                throw new CryptoException("SCP03t 84 malformed: profile length too large");
            }
            return new InitializeUpdate(
                    value[0] & 0xFF,
                    Scp03SequenceCounter.fromBytes(value, 1),
                    Arrays.copyOfRange(value, 4, 4 + CHALLENGE_LENGTH),
                    length);
        }
    }

    /** The value of {@code 85} before its C-MAC. */
    static byte[] encodeExternalAuthenticate(byte[] hostCryptogram) {
        return Bytes.concat(new byte[] {(byte) SECURITY_LEVEL.code()}, hostCryptogram);
    }

    /** The host cryptogram of a {@code 85} value, after its security level is checked. */
    static byte[] decodeExternalAuthenticate(byte[] value) throws CryptoException {
        if (value.length != EXTERNAL_AUTHENTICATE_LENGTH) {
            throw new CryptoException("SCP03t 85 malformed");
        }
        if ((value[0] & 0xFF) != SECURITY_LEVEL.code()) {
            throw new CryptoException("SCP03t 85: security level must be 33");
        }
        return Arrays.copyOfRange(value, 1, value.length);
    }

    static byte[] cardChallenge(AesKey keyEnc, Scp03SequenceCounter counter) {
        return Scp03Kdf.deriveData(
                keyEnc, Scp03Kdf.DerivationConstant.CARD_CHALLENGE, CHALLENGE_BITS, counter.toBytes());
    }

    static byte[] hostCryptogram(AesKey sMac, byte[] context) {
        return Scp03Kdf.deriveData(sMac, Scp03Kdf.DerivationConstant.HOST_CRYPTOGRAM, CHALLENGE_BITS, context);
    }

    /** The length the next segment must have, with {@code remaining} bytes of the package still to come. */
    static int segmentLength(int remaining) {
        return Math.min(remaining, SEGMENT_SIZE);
    }

    static int challengeLength() {
        return CHALLENGE_LENGTH;
    }
}
