package io.openrsp.crypto;

/** Byte-array helpers shared by the secure channels. */
public final class Bytes {

    private Bytes() {}

    /** The concatenation of {@code parts}, in order, in a new array. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
