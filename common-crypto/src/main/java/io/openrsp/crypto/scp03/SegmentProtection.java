package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The chained TLV protection shared by SCP03t (this platform's ES8 download, see {@link Scp03tFormat}) and the
 * GSMA SGP.22 §2.6.4.x BSP (tags 86/87/88), both derived from GlobalPlatform Amendment D secure messaging:
 *
 * <pre>
 *   encrypted TLV: block number + 1; ICV = AES(S-ENC, block number as 16 bytes, big-endian);
 *                  payload = AES-CBC(S-ENC, ICV, plain || 80 00..)
 *   MAC-only TLV:  payload = plain (SGP.22 BSP: the block number still advances; SCP03t: it does not)
 *   both:          MCV = AES-CMAC(S-MAC, MCV || tag || BER length(payload + 8) || payload)
 *                  TLV = tag || BER length(payload + 8) || payload || MCV[0..8]
 *   response:      R-MAC = AES-CMAC(S-RMAC, MCV || tag || BER length(payload + 8) || payload)[0..8],
 *                  payload encrypted with ICV = AES(S-ENC, 80 || block number[1..15]); the MCV does not move
 * </pre>
 *
 * <p>The receiving side checks the MAC in constant time before it decrypts; a failed check leaves the chain
 * unchanged (the owner kills its session). Not thread-safe.
 */
final class SegmentProtection {

    private final SessionCipher cipher;
    private final MacChain chain;
    private final boolean macOnlyAdvancesBlockNumber;
    private long blockNumber;

    private SegmentProtection(AesKey sEnc, AesKey sMac, byte[] initialMcv, boolean macOnlyAdvancesBlockNumber) {
        this.cipher = new SessionCipher(sEnc);
        this.chain = new MacChain(sMac, initialMcv);
        this.macOnlyAdvancesBlockNumber = macOnlyAdvancesBlockNumber;
    }

    /** SCP03t: MCV starts at 16 x 00; MAC-only TLVs ({@code 84}, {@code 85}) do not use a block number. */
    static SegmentProtection forScp03t(SessionKeys keys) {
        return new SegmentProtection(keys.sEnc(), keys.sMac(), new byte[16], false);
    }

    /** SGP.22 BSP: the initial MCV comes from the key agreement; MAC-only TLVs advance the block number. */
    static SegmentProtection forSgp22Bsp(AesKey sEnc, AesKey sMac, byte[] initialMcv) {
        return new SegmentProtection(sEnc, sMac, initialMcv, true);
    }

    byte[] encryptAndMac(int tag, byte[] plain) {
        blockNumber++;
        return mac(tag, cipher.encrypt(cipher.icv(blockNumber, false), Iso9797Padding.pad(plain)));
    }

    byte[] macOnly(int tag, byte[] plain) {
        if (macOnlyAdvancesBlockNumber) {
            blockNumber++;
        }
        return mac(tag, plain);
    }

    /** Checks tag and C-MAC, then decrypts: the plaintext of an {@link #encryptAndMac} TLV. */
    byte[] openEncrypted(int tag, byte[] tlv) throws CryptoException {
        byte[] payload = verify(tag, tlv);
        blockNumber++;
        if (payload.length == 0 || payload.length % Iso9797Padding.BLOCK != 0) {
            throw new CryptoException("segment decryption failed");
        }
        try {
            return Iso9797Padding.unpad(cipher.decrypt(cipher.icv(blockNumber, false), payload));
        } catch (CryptoException e) {
            throw new CryptoException("segment decryption failed");
        }
    }

    /** Checks tag and C-MAC: the value of a {@link #macOnly} TLV. */
    byte[] openMacOnly(int tag, byte[] tlv) throws CryptoException {
        byte[] payload = verify(tag, tlv);
        if (macOnlyAdvancesBlockNumber) {
            blockNumber++;
        }
        return payload;
    }

    /** Card: the R-MAC-protected (and, with {@code encrypt}, R-ENC) response TLV bound to the current MCV. */
    byte[] protectResponse(int tag, byte[] data, AesCmac rmac, boolean encrypt) {
        byte[] payload = encrypt && data.length > 0
                ? cipher.encrypt(cipher.icv(blockNumber, true), Iso9797Padding.pad(data))
                : data.clone();
        byte[] length = SimpleTlv.encodeLength(payload.length + MacChain.MAC_LENGTH);
        byte[] mac = Arrays.copyOf(
                rmac.computeMac(chain.mcv(), new byte[] {(byte) tag}, length, payload), MacChain.MAC_LENGTH);
        return Bytes.concat(new byte[] {(byte) tag}, length, payload, mac);
    }

    /** Host: checks the R-MAC of a response TLV in constant time, then decrypts it. */
    byte[] openResponse(int tag, byte[] tlv, AesCmac rmac, boolean encrypted) throws CryptoException {
        SimpleTlv parsed = parse(tag, tlv);
        byte[] value = parsed.value();
        byte[] payload = Arrays.copyOf(value, value.length - MacChain.MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(value, payload.length, value.length);
        byte[] expected = Arrays.copyOf(
                rmac.computeMac(chain.mcv(), new byte[] {(byte) tag}, parsed.lengthBytes(), payload),
                MacChain.MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CryptoException("R-MAC verification failed");
        }
        if (!encrypted || payload.length == 0) {
            return payload;
        }
        if (payload.length % Iso9797Padding.BLOCK != 0) {
            throw new CryptoException("response decryption failed");
        }
        try {
            return Iso9797Padding.unpad(cipher.decrypt(cipher.icv(blockNumber, true), payload));
        } catch (CryptoException e) {
            throw new CryptoException("response decryption failed");
        }
    }

    long blockNumber() {
        return blockNumber;
    }

    byte[] macChainingValue() {
        return chain.mcv();
    }

    byte[] icv(long value) {
        return cipher.icv(value, false);
    }

    private byte[] mac(int tag, byte[] payload) {
        byte[] length = SimpleTlv.encodeLength(payload.length + MacChain.MAC_LENGTH);
        byte[] tagByte = {(byte) tag};
        byte[] mac = chain.chain(tagByte, length, payload);
        return Bytes.concat(tagByte, length, payload, mac);
    }

    private byte[] verify(int tag, byte[] tlv) throws CryptoException {
        SimpleTlv parsed = parse(tag, tlv);
        byte[] value = parsed.value();
        byte[] payload = Arrays.copyOf(value, value.length - MacChain.MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(value, payload.length, value.length);
        chain.verifyAndChain(mac, new byte[] {(byte) tag}, parsed.lengthBytes(), payload);
        return payload;
    }

    private static SimpleTlv parse(int tag, byte[] tlv) throws CryptoException {
        SimpleTlv parsed = SimpleTlv.parse(tlv);
        if (parsed.tag() != tag) {
            throw new CryptoException("unexpected tag");
        }
        if (parsed.value().length < MacChain.MAC_LENGTH) {
            throw new CryptoException("C-MAC missing");
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "SegmentProtection[state redacted]";
    }
}
