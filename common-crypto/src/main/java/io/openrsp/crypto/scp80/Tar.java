package io.openrsp.crypto.scp80;

import java.util.HexFormat;

/**
 * ETSI TS 101 220 §6 / TS 102 225 §5.1: the 3-byte Toolkit Application Reference that addresses the receiving
 * application (e.g. the ISD-R, or an ISD-P by the TAR in its AID).
 *
 * @param value 0x000000..0xFFFFFF
 */
public record Tar(int value) {

    public Tar {
        if (value < 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("TAR must be 3 bytes");
        }
    }

    /** From 6 hex digits, e.g. {@code "B00011"}. */
    public static Tar fromHex(String hex) {
        if (hex.length() != 6) {
            throw new IllegalArgumentException("TAR must be 6 hex digits");
        }
        return new Tar(HexFormat.fromHexDigits(hex));
    }

    byte[] toBytes() {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static Tar fromBytes(byte[] bytes, int offset) {
        return new Tar((bytes[offset] & 0xFF) << 16 | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF));
    }

    @Override
    public String toString() {
        return "Tar[" + HexFormat.of().withUpperCase().toHexDigits(value).substring(2) + "]";
    }
}
