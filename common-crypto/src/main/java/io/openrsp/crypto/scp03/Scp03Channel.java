package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The secure messaging of an open SCP03 session, shared by the host and the card role (GlobalPlatform Card
 * Specification v2.3 Amendment D §6.2.4 C-MAC, §6.2.5 R-MAC, §6.2.6 command encryption, §6.2.7 response
 * encryption), S8 mode:
 *
 * <ul>
 *   <li>the encryption counter starts at 0 and is incremented before every command after EXTERNAL
 *       AUTHENTICATE, also for commands without data (which are not encrypted);
 *   <li>command data is padded {@code 80 00..} and AES-CBC encrypted with ICV = AES(S-ENC, counter);
 *   <li>C-MAC: new MCV = CMAC(S-MAC, MCV || CLA' INS P1 P2 Lc' || data'), CLA' = (CLA & F0) | 04 (logical
 *       channel zeroed, GlobalPlatform secure messaging bit set), Lc' counting the 8 MAC bytes. The channel number
 *       is therefore not authenticated: the transmitted CLA keeps it and the caller must route each command to
 *       the session of its channel (one session object per channel);
 *   <li>R-ENC: response data padded and encrypted with ICV = AES(S-ENC, 80 || counter[1..15]);
 *   <li>R-MAC = CMAC(S-RMAC, MCV of the command || response data' || SW), leftmost 8 bytes; it does not change
 *       the MCV. A response with an error status word (anything but 9000, 62xx, 63xx) carries neither.
 * </ul>
 *
 * <p>Case 2 and 4 commands leave with Le {@code 00}: the protected response is longer than the plain one, so
 * the caller's Le could be too small (as the pySim known answers do). Le is not under the C-MAC. Only the first interindustry and
 * GlobalPlatform proprietary class encodings (CLA b7 = 0) are supported.
 */
final class Scp03Channel {

    static final int CLA_SECURE_MESSAGING = 0x04;
    private static final int CLA_ISO_SECURE_MESSAGING = 0x08;
    private static final int CLA_FURTHER_INTERINDUSTRY = 0x40;
    private static final int MAX_LC = 255;

    private final Scp03SecurityLevel level;
    private final SessionCipher cipher;
    private final MacChain chain;
    private final AesCmac rmac;
    private long counter;

    Scp03Channel(SessionKeys keys, Scp03SecurityLevel level, MacChain chain) {
        this.level = level;
        this.cipher = new SessionCipher(keys.sEnc());
        this.chain = chain;
        this.rmac = new AesCmac(keys.sRmac());
    }

    /** Host: C-DECRYPTION (if on) then C-MAC. Validates before changing any state. */
    byte[] protectCommand(byte[] plainApdu) throws CryptoException {
        CommandApdu plain = CommandApdu.parse(plainApdu);
        int cla = plain.cla();
        if ((cla & (CLA_SECURE_MESSAGING | CLA_ISO_SECURE_MESSAGING | CLA_FURTHER_INTERINDUSTRY)) != 0) {
            throw new CryptoException("command APDU malformed: class byte not supported under SCP03");
        }
        boolean encrypt = level.commandEncryption() && plain.data().length > 0;
        int dataLength = encrypt ? Iso9797Padding.paddedLength(plain.data().length) : plain.data().length;
        if (dataLength + MacChain.MAC_LENGTH > MAX_LC) {
            throw new CryptoException("command APDU too long for SCP03 secure messaging");
        }
        counter++;
        byte[] data =
                encrypt ? cipher.encrypt(cipher.icv(counter, false), Iso9797Padding.pad(plain.data())) : plain.data();
        int lc = data.length + MacChain.MAC_LENGTH;
        byte[] mac = chain.chain(macHeader(cla, plain, lc), data);
        var out = new ByteArrayOutputStream(lc + 6);
        out.write(cla | CLA_SECURE_MESSAGING);
        out.write(plain.ins());
        out.write(plain.p1());
        out.write(plain.p2());
        out.write(lc);
        out.writeBytes(data);
        out.writeBytes(mac);
        if (plain.hasLe()) {
            out.write(0x00);
        }
        return out.toByteArray();
    }

    /** Card: verifies the C-MAC (constant time) before it decrypts anything. */
    byte[] unprotectCommand(byte[] wrappedApdu) throws CryptoException {
        CommandApdu wrapped = CommandApdu.parse(wrappedApdu);
        int cla = wrapped.cla();
        if ((cla & CLA_SECURE_MESSAGING) == 0
                || (cla & (CLA_ISO_SECURE_MESSAGING | CLA_FURTHER_INTERINDUSTRY)) != 0
                || wrapped.data().length < MacChain.MAC_LENGTH) {
            throw new CryptoException("C-MAC missing");
        }
        counter++;
        int dataLength = wrapped.data().length - MacChain.MAC_LENGTH;
        byte[] data = Arrays.copyOf(wrapped.data(), dataLength);
        byte[] mac = Arrays.copyOfRange(wrapped.data(), dataLength, wrapped.data().length);
        chain.verifyAndChain(mac, macHeader(cla, wrapped, wrapped.data().length), data);
        if (level.commandEncryption() && data.length > 0) {
            if (data.length % Iso9797Padding.BLOCK != 0) {
                throw new CryptoException("command decryption failed");
            }
            data = Iso9797Padding.unpad(cipher.decrypt(cipher.icv(counter, false), data));
            if (data.length == 0) {
                throw new CryptoException("command decryption failed");
            }
        }
        return new CommandApdu(
                        cla & ~CLA_SECURE_MESSAGING,
                        wrapped.ins(),
                        wrapped.p1(),
                        wrapped.p2(),
                        data,
                        wrapped.hasLe(),
                        wrapped.le())
                .encode();
    }

    /** Card: R-ENCRYPTION (if on) then R-MAC (if on) of {@code data || SW}. */
    byte[] protectResponse(byte[] plainResponse) throws CryptoException {
        if (plainResponse == null || plainResponse.length < 2) {
            throw new CryptoException("response APDU malformed");
        }
        byte[] sw = Arrays.copyOfRange(plainResponse, plainResponse.length - 2, plainResponse.length);
        byte[] data = Arrays.copyOf(plainResponse, plainResponse.length - 2);
        if (!level.responseMac()) {
            return plainResponse.clone();
        }
        if (isError(sw)) {
            // Amd D §6.2.5: no protection on an error status word, and only the status word is returned.
            return sw;
        }
        if (level.responseEncryption() && data.length > 0) {
            data = cipher.encrypt(cipher.icv(counter, true), Iso9797Padding.pad(data));
        }
        byte[] mac = Arrays.copyOf(rmac.computeMac(chain.mcv(), data, sw), MacChain.MAC_LENGTH);
        return Bytes.concat(data, mac, sw);
    }

    /** Host: verifies the R-MAC (constant time) before it decrypts anything. */
    byte[] unprotectResponse(byte[] response) throws CryptoException {
        if (response == null || response.length < 2) {
            throw new CryptoException("response APDU malformed");
        }
        if (!level.responseMac()) {
            return response.clone();
        }
        byte[] sw = Arrays.copyOfRange(response, response.length - 2, response.length);
        if (isError(sw)) {
            if (response.length != 2) {
                throw new CryptoException("response APDU malformed: data with an error status word");
            }
            return response.clone();
        }
        if (response.length < 2 + MacChain.MAC_LENGTH) {
            throw new CryptoException("R-MAC missing");
        }
        int dataLength = response.length - 2 - MacChain.MAC_LENGTH;
        byte[] data = Arrays.copyOf(response, dataLength);
        byte[] mac = Arrays.copyOfRange(response, dataLength, dataLength + MacChain.MAC_LENGTH);
        byte[] expected = Arrays.copyOf(rmac.computeMac(chain.mcv(), data, sw), MacChain.MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CryptoException("R-MAC verification failed");
        }
        if (level.responseEncryption() && data.length > 0) {
            if (data.length % Iso9797Padding.BLOCK != 0) {
                throw new CryptoException("response decryption failed");
            }
            data = Iso9797Padding.unpad(cipher.decrypt(cipher.icv(counter, true), data));
        }
        return Bytes.concat(data, sw);
    }

    /** The current MCV (known-answer tests only). */
    byte[] macChainingValue() {
        return chain.mcv();
    }

    long encryptionCounter() {
        return counter;
    }

    /** The command ICV of counter value {@code value} (known-answer tests only). */
    byte[] icv(long value, boolean response) {
        return cipher.icv(value, response);
    }

    private static byte[] macHeader(int cla, CommandApdu apdu, int lc) {
        return new byte[] {
            (byte) ((cla & 0xF0) | CLA_SECURE_MESSAGING),
            (byte) apdu.ins(),
            (byte) apdu.p1(),
            (byte) apdu.p2(),
            (byte) lc
        };
    }

    /** Amd D §6.2.5: every status word but 9000 and the warnings 62xx and 63xx is an error. */
    private static boolean isError(byte[] sw) {
        int sw1 = sw[0] & 0xFF;
        return !(sw1 == 0x90 && sw[1] == 0) && sw1 != 0x62 && sw1 != 0x63;
    }

    @Override
    public String toString() {
        return "Scp03Channel[level=" + level + ", state redacted]";
    }
}
