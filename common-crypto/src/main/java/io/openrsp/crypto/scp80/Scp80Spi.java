package io.openrsp.crypto.scp80;

/**
 * ETSI TS 102 225 §5.1.1: the two Security Parameter Indicator bytes of a command packet.
 *
 * <pre>
 *   SPI1  b2b1 00 none, 01 RC, 10 CC, 11 DS   b3 ciphering   b5b4 counter mode   b8-b6 reserved
 *   SPI2  b2b1 PoR 00 none, 01 always, 10 on error   b4b3 PoR 00 none, 01 RC, 10 CC, 11 DS
 *         b5 PoR ciphered   b6 PoR by SMS-SUBMIT (else SMS-DELIVER-REPORT)   b8-b7 reserved
 * </pre>
 *
 * <p>This platform implements the cryptographic checksum (AES-CMAC) only: RC and DS are recognised so that a
 * receiver can refuse them, but never produced.
 */
public record Scp80Spi(int first, int second) {

    /** SPI1 b5b4. Ordered from weakest to strongest replay protection. */
    public enum CounterMode {
        NO_COUNTER,
        COUNTER_NO_CHECK,
        COUNTER_HIGHER,
        COUNTER_ONE_HIGHER
    }

    /** SPI2 b2b1. */
    public enum PorMode {
        NONE,
        ALWAYS,
        ON_ERROR
    }

    /** SPI1 b2b1 and SPI2 b4b3. */
    public enum Integrity {
        NONE,
        REDUNDANCY_CHECK,
        CRYPTOGRAPHIC_CHECKSUM,
        DIGITAL_SIGNATURE
    }

    public Scp80Spi {
        if ((first & ~0x1F) != 0 || (second & ~0x3F) != 0 || (second & 0x03) == 0x03) {
            throw new IllegalArgumentException("SPI uses reserved values");
        }
    }

    /**
     * An SPI with a cryptographic checksum on the command and, if {@code porChecksum}, on the PoR.
     *
     * @param porViaSmsSubmit the PoR comes back in an SMS-SUBMIT rather than the SMS-DELIVER-REPORT
     */
    public static Scp80Spi withChecksum(
            boolean ciphering,
            CounterMode counterMode,
            PorMode porMode,
            boolean porChecksum,
            boolean porCiphered,
            boolean porViaSmsSubmit) {
        int first = 0x02 | (ciphering ? 0x04 : 0) | counterMode.ordinal() << 3;
        int second =
                porMode.ordinal() | (porChecksum ? 0x08 : 0) | (porCiphered ? 0x10 : 0) | (porViaSmsSubmit ? 0x20 : 0);
        return new Scp80Spi(first, second);
    }

    public Integrity integrity() {
        return Integrity.values()[first & 0x03];
    }

    public boolean ciphering() {
        return (first & 0x04) != 0;
    }

    public CounterMode counterMode() {
        return CounterMode.values()[(first >>> 3) & 0x03];
    }

    public PorMode porMode() {
        return PorMode.values()[second & 0x03];
    }

    public Integrity porIntegrity() {
        return Integrity.values()[(second >>> 2) & 0x03];
    }

    public boolean porCiphered() {
        return (second & 0x10) != 0;
    }

    public boolean porViaSmsSubmit() {
        return (second & 0x20) != 0;
    }

    byte[] toBytes() {
        return new byte[] {(byte) first, (byte) second};
    }

    @Override
    public String toString() {
        return String.format("Scp80Spi[%02X %02X]", first, second);
    }
}
