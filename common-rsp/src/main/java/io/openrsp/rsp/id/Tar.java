package io.openrsp.rsp.id;

import java.util.HexFormat;

/**
 * ETSI TS 101 220 §6 / TS 102 225 §5.1.2: a Toolkit Application Reference, three bytes that address an
 * application in a secured packet. GSMA SGP.02 (Annex H) gives the ISD-R the TAR {@code 000001} and puts the
 * TAR of each ISD-P inside its AID ({@link Aid#isdP(Tar)}); this platform allocates ISD-P TARs upward from
 * {@code 000010} (DESIGN.md §3.3).
 */
public record Tar(int value) {

    /** The TAR of the ISD-R; its AID ends {@code 000001 00}. */
    public static final Tar ISD_R = new Tar(0x000001);
    /** The first TAR this platform allocates to an ISD-P. */
    public static final Tar FIRST_ISD_P = new Tar(0x000010);

    private static final int MAX = 0xFFFFFF;

    /** @throws IllegalArgumentException unless {@code 0 <= value <= FFFFFF} */
    public Tar {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("TAR must be three bytes, got " + Integer.toHexString(value));
        }
    }

    public static Tar of(int value) {
        return new Tar(value);
    }

    public static Tar fromBytes(byte[] bytes) {
        if (bytes.length != 3) {
            throw new IllegalArgumentException("TAR must be 3 bytes, got " + bytes.length);
        }
        return new Tar((bytes[0] & 0xFF) << 16 | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF));
    }

    /** From six hex digits, either case. */
    public static Tar fromHex(String hex) {
        if (hex.length() != 6) {
            throw new IllegalArgumentException("TAR must be 6 hex digits, got " + hex.length() + " characters");
        }
        return fromBytes(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /**
     * The TAR after this one, for allocating ISD-P TARs in order.
     *
     * @throws IllegalStateException at {@code FFFFFF}
     */
    public Tar next() {
        if (value == MAX) {
            throw new IllegalStateException("no TAR after FFFFFF");
        }
        return new Tar(value + 1);
    }

    /** Six upper-case hex digits. */
    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().toHexDigits(value).substring(2);
    }
}
