package io.openrsp.crypto.scp80;

/**
 * A command packet as {@link Scp80Sender} built it: the bytes to send ({@code CPL CHL SPI KIc KID TAR} and the
 * secured part, without the SMS user data header) and what is needed to check its PoR. The counter stays
 * inside.
 */
public final class Scp80CommandPacket {

    private final byte[] bytes;
    private final Scp80Spi spi;
    private final Tar tar;
    private final long counter;

    Scp80CommandPacket(byte[] bytes, Scp80Spi spi, Tar tar, long counter) {
        this.bytes = bytes;
        this.spi = spi;
        this.tar = tar;
        this.counter = counter;
    }

    /** A copy of the packet bytes, {@code CPL} first. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public Scp80Spi spi() {
        return spi;
    }

    public Tar tar() {
        return tar;
    }

    long counter() {
        return counter;
    }

    @Override
    public String toString() {
        return "Scp80CommandPacket[" + spi + ", " + tar + ", " + bytes.length + " bytes]";
    }
}
