package io.openrsp.crypto.scp80;

import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.util.Arrays;
import java.util.Objects;

/**
 * ETSI TS 102 225 §5.1 command packet, sending entity (the SM-SR's push SMS to the ISD-R, DESIGN.md §3.2), with
 * algorithm nibble 2 for KIc (AES-CBC) and KID (AES-CMAC, 8-byte CC):
 *
 * <pre>
 *   CPL (2) || CHL (1) = 15 || SPI (2) || KIc (1) || KID (1) || TAR (3) ||
 *   [ciphered under KIc, IV zero: CNTR (5) || PCNTR (1) || CC (8) || secured data || PCNTR zero bytes]
 *   CC = AES-CMAC(KID key, CPL || CHL .. TAR || CNTR || PCNTR || secured data || padding)[0..8]
 * </pre>
 *
 * <p>CPL counts everything after itself. Padding (zeros, counted by PCNTR) is added only when ciphering, up to a
 * whole number of AES blocks. The packet goes into an SMS after the user data header {@code 02 70 00} (3GPP TS
 * 31.115), which the caller adds. The counter lives inside: each packet whose SPI uses a counter takes the next
 * value (strictly increasing, 5 bytes); with SPI1 "no counter" the CNTR field is zero and nothing is consumed.
 * Persist {@link #counterState()} after each packet. Not thread-safe.
 */
public final class Scp80Sender {

    static final int CHL = 0x15;

    private final Scp80KeySet keys;
    private final Scp80Crypto crypto;
    private long lastCounter;

    private Scp80Sender(Scp80KeySet keys, long lastCounter) {
        this.keys = keys;
        this.crypto = new Scp80Crypto(keys);
        this.lastCounter = lastCounter;
    }

    /** A sender whose last used counter is {@code lastSent} ({@link Scp80CounterState#initial()} if none). */
    public static Scp80Sender create(Scp80KeySet keys, Scp80CounterState lastSent) {
        Objects.requireNonNull(keys, "keys");
        return new Scp80Sender(keys, lastSent.last());
    }

    /** The counter state to persist. */
    public Scp80CounterState counterState() {
        return Scp80CounterState.of(lastCounter);
    }

    /**
     * Builds a command packet to {@code tar} carrying {@code securedData}.
     *
     * @throws IllegalArgumentException if the SPI asks for RC or DS (not implemented) or the packet exceeds CPL
     * @throws CryptoException if the counter is exhausted
     */
    public Scp80CommandPacket commandPacket(Scp80Spi spi, Tar tar, byte[] securedData) throws CryptoException {
        Objects.requireNonNull(tar, "tar");
        Objects.requireNonNull(securedData, "securedData");
        if (spi.integrity() != Scp80Spi.Integrity.CRYPTOGRAPHIC_CHECKSUM
                || spi.porIntegrity() == Scp80Spi.Integrity.REDUNDANCY_CHECK
                || spi.porIntegrity() == Scp80Spi.Integrity.DIGITAL_SIGNATURE) {
            throw new IllegalArgumentException("only the cryptographic checksum is implemented");
        }
        int pcntr = spi.ciphering() ? Scp80Crypto.paddingFor(5 + 1 + Scp80Crypto.CC_LENGTH + securedData.length) : 0;
        int cpl = 1 + CHL + securedData.length + pcntr;
        if (cpl > 0xFFFF) {
            throw new IllegalArgumentException("secured data too long for one command packet");
        }
        long counter = nextCounter(spi.counterMode());

        byte[] header = Bytes.concat(
                new byte[] {(byte) (cpl >>> 8), (byte) cpl, (byte) CHL},
                spi.toBytes(),
                new byte[] {(byte) keys.keyIdentifierByte(), (byte) keys.keyIdentifierByte()},
                tar.toBytes());
        byte[] counterBytes = Scp80CounterState.toCounterBytes(counter);
        byte[] padded = Arrays.copyOf(securedData, securedData.length + pcntr);
        byte[] cc = crypto.checksum(header, counterBytes, new byte[] {(byte) pcntr}, padded);
        byte[] secured = Bytes.concat(counterBytes, new byte[] {(byte) pcntr}, cc, padded);
        if (spi.ciphering()) {
            secured = crypto.encrypt(secured);
        }
        return new Scp80CommandPacket(Bytes.concat(header, secured), spi, tar, counter);
    }

    /**
     * Checks the PoR that answers {@code sent} ({@code 02 71 00} user data header first) as its SPI2 asks:
     * decrypts, verifies the CC in constant time, checks TAR and counter, and returns status and response data.
     *
     * @throws CryptoException if the PoR is malformed, not authentic, or answers another packet
     */
    public Scp80ProofOfReceipt openProofOfReceipt(Scp80CommandPacket sent, byte[] porPacket) throws CryptoException {
        return ResponsePacket.open(crypto, sent, porPacket);
    }

    private long nextCounter(Scp80Spi.CounterMode mode) throws CryptoException {
        if (mode == Scp80Spi.CounterMode.NO_COUNTER) {
            return 0;
        }
        if (lastCounter >= Scp80CounterState.MAX) {
            throw new CryptoException("SCP80 counter exhausted");
        }
        return ++lastCounter;
    }

    @Override
    public String toString() {
        return "Scp80Sender[kvn=" + keys.kvn() + ", keys redacted]";
    }
}
