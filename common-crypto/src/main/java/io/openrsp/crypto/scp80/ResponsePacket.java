package io.openrsp.crypto.scp80;

import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.util.Arrays;

/**
 * ETSI TS 102 225 §5.2 response packet (PoR) as 3GPP TS 31.115 carries it in an SMS, user data header first:
 *
 * <pre>
 *   UDH 02 71 00 || RPL (2) || RHL (1) || TAR (3) || [ciphered: CNTR (5) || PCNTR (1) || status (1) || [CC (8)] ||
 *   response data || PCNTR zero bytes]
 * </pre>
 *
 * <p>RHL = 10, or 18 with a CC. RPL counts everything after itself. The CC (SPI2 b4b3 = 10) is AES-CMAC under
 * KID over everything except itself, the user data header included (3GPP TS 31.115, as the pySim known answer
 * shows); with SPI2 b5 the part after TAR is AES-CBC ciphered under KIc, zero padded.
 */
final class ResponsePacket {

    private static final byte[] UDH = {0x02, 0x71, 0x00};
    private static final int RHL_WITHOUT_CC = 3 + 5 + 1 + 1;

    private ResponsePacket() {}

    static byte[] build(Scp80Crypto crypto, Scp80Spi spi, Tar tar, long counter, PorStatus status, byte[] data) {
        boolean withCc = spi.porIntegrity() == Scp80Spi.Integrity.CRYPTOGRAPHIC_CHECKSUM;
        int ccLength = withCc ? Scp80Crypto.CC_LENGTH : 0;
        int rhl = RHL_WITHOUT_CC + ccLength;
        int pcntr = spi.porCiphered() ? Scp80Crypto.paddingFor(5 + 1 + 1 + ccLength + data.length) : 0;
        int rpl = 1 + rhl + data.length + pcntr;
        if (rpl > 0xFFFF) {
            throw new IllegalArgumentException("PoR response data too long");
        }
        byte[] header = {(byte) (rpl >>> 8), (byte) rpl, (byte) rhl};
        byte[] counterBytes = Scp80CounterState.toCounterBytes(counter);
        byte[] statusBytes = {(byte) pcntr, (byte) status.code()};
        byte[] padded = Arrays.copyOf(data, data.length + pcntr);
        byte[] cc =
                withCc ? crypto.checksum(UDH, header, tar.toBytes(), counterBytes, statusBytes, padded) : new byte[0];
        byte[] secured = Bytes.concat(counterBytes, statusBytes, cc, padded);
        if (spi.porCiphered()) {
            secured = crypto.encrypt(secured);
        }
        return Bytes.concat(UDH, header, tar.toBytes(), secured);
    }

    static Scp80ProofOfReceipt open(Scp80Crypto crypto, Scp80CommandPacket sent, byte[] packet) throws CryptoException {
        Scp80Spi spi = sent.spi();
        boolean withCc = spi.porIntegrity() == Scp80Spi.Integrity.CRYPTOGRAPHIC_CHECKSUM;
        int ccLength = withCc ? Scp80Crypto.CC_LENGTH : 0;
        int fixed = UDH.length + 3 + 3;
        if (packet == null
                || packet.length < fixed
                || !Arrays.equals(packet, 0, UDH.length, UDH, 0, UDH.length)
                || ((packet[3] & 0xFF) << 8 | (packet[4] & 0xFF)) != packet.length - UDH.length - 2
                || (packet[5] & 0xFF) != RHL_WITHOUT_CC + ccLength) {
            throw new CryptoException("PoR malformed");
        }
        if (!Tar.fromBytes(packet, 6).equals(sent.tar())) {
            throw new CryptoException("PoR from another TAR");
        }
        byte[] secured = Arrays.copyOfRange(packet, fixed, packet.length);
        if (spi.porCiphered()) {
            if (secured.length == 0 || secured.length % Scp80Crypto.BLOCK != 0) {
                throw new CryptoException("PoR checksum verification failed");
            }
            secured = crypto.decrypt(secured);
        }
        int headerLength = 5 + 1 + 1 + ccLength;
        if (secured.length < headerLength) {
            throw new CryptoException("PoR malformed");
        }
        byte[] counterAndStatus = Arrays.copyOf(secured, 7);
        byte[] cc = Arrays.copyOfRange(secured, 7, headerLength);
        byte[] padded = Arrays.copyOfRange(secured, headerLength, secured.length);
        if (withCc && !crypto.checksumMatches(cc, Arrays.copyOf(packet, fixed), counterAndStatus, padded)) {
            // Uniform with a failed decryption: the caller learns only that the PoR is not authentic.
            throw new CryptoException("PoR checksum verification failed");
        }
        if (Scp80CounterState.fromCounterBytes(secured, 0) != sent.counter()) {
            throw new CryptoException("PoR counter does not match the command packet");
        }
        int pcntr = secured[5] & 0xFF;
        if (pcntr > padded.length) {
            throw new CryptoException("PoR padding counter invalid");
        }
        PorStatus status =
                PorStatus.ofCode(secured[6] & 0xFF).orElseThrow(() -> new CryptoException("PoR status code unknown"));
        return new Scp80ProofOfReceipt(status, Arrays.copyOf(padded, padded.length - pcntr));
    }
}
