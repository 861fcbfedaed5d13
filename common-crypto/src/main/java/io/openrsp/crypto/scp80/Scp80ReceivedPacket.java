package io.openrsp.crypto.scp80;

/**
 * A command packet that {@link Scp80Receiver} accepted: its header fields and the secured data (for the ISD-R,
 * e.g., the administration session triggering parameters or a remote APDU script). The counter stays inside,
 * for the PoR.
 */
public final class Scp80ReceivedPacket {

    private final Scp80Spi spi;
    private final Tar tar;
    private final byte[] securedData;
    private final long counter;

    Scp80ReceivedPacket(Scp80Spi spi, Tar tar, byte[] securedData, long counter) {
        this.spi = spi;
        this.tar = tar;
        this.securedData = securedData;
        this.counter = counter;
    }

    public Scp80Spi spi() {
        return spi;
    }

    public Tar tar() {
        return tar;
    }

    /** A copy of the secured data, padding removed. */
    public byte[] securedData() {
        return securedData.clone();
    }

    long counter() {
        return counter;
    }

    @Override
    public String toString() {
        return "Scp80ReceivedPacket[" + spi + ", " + tar + ", " + securedData.length + " bytes of data]";
    }
}
