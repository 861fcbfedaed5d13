package io.openrsp.rsp.tlv;

import io.openrsp.rsp.tlv.TlvException.Reason;
import java.util.Locale;

/**
 * ISO/IEC 7816-4 §5.2.2.1 and ITU-T X.690 §8.1.2: a BER-TLV tag of one to three bytes, held as its bytes
 * read big-endian ({@code 4F}, {@code 9F70}, {@code 7F49}, {@code BF3601}...).
 *
 * <p>Accepted: a first byte other than {@code 00}/{@code FF}; when its five low bits are all one, a second
 * byte {@code 1F}-{@code 7F} (two-byte tag) or {@code 81}-{@code FF} followed by a third byte
 * {@code 00}-{@code 7F} (three-byte tag). ISO/IEC 7816-4 stops at three bytes, and so does this class.
 */
public final class Tag {

    private static final Tag[] ONE_BYTE = new Tag[256];

    static {
        for (int b = 0x01; b < 0xFF; b++) {
            if ((b & 0x1F) != 0x1F) {
                ONE_BYTE[b] = new Tag(b, 1);
            }
        }
    }

    private final int value;
    private final int size;

    private Tag(int value, int size) {
        this.value = value;
        this.size = size;
    }

    /**
     * The tag whose bytes, read big-endian, are {@code value} ({@code 0x4F}, {@code 0x9F70}, {@code 0xBF3601}).
     *
     * @throws IllegalArgumentException if those bytes are not one well-formed tag
     */
    public static Tag of(int value) {
        if (value > 0 && value <= 0xFF && ONE_BYTE[value] != null) {
            return ONE_BYTE[value];
        }
        if (value <= 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("not a one- to three-byte tag: " + Integer.toHexString(value));
        }
        int size = value > 0xFFFF ? 3 : value > 0xFF ? 2 : 1;
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * (size - 1 - i)));
        }
        try {
            Tag tag = read(bytes, 0, size, 0);
            if (tag.size != size) {
                throw new IllegalArgumentException("not a single tag: " + Integer.toHexString(value));
            }
            return tag;
        } catch (TlvException e) {
            throw new IllegalArgumentException(
                    "not a well-formed tag: " + Integer.toHexString(value) + " (" + e.reason() + ")", e);
        }
    }

    /** Reads the tag at {@code pos}; offsets in errors are {@code base + pos}. */
    static Tag read(byte[] buf, int pos, int limit, int base) {
        if (pos >= limit) {
            throw new TlvException(Reason.TRUNCATED_TAG, base + pos);
        }
        int b0 = buf[pos] & 0xFF;
        if (b0 == 0x00 || b0 == 0xFF) {
            throw new TlvException(Reason.RESERVED_TAG_BYTE, base + pos);
        }
        if ((b0 & 0x1F) != 0x1F) {
            return ONE_BYTE[b0];
        }
        if (pos + 1 >= limit) {
            throw new TlvException(Reason.TRUNCATED_TAG, base + pos + 1);
        }
        int b1 = buf[pos + 1] & 0xFF;
        if (b1 < 0x1F || b1 == 0x80) {
            throw new TlvException(Reason.NON_MINIMAL_TAG, base + pos + 1);
        }
        if ((b1 & 0x80) == 0) {
            return new Tag((b0 << 8) | b1, 2);
        }
        if (pos + 2 >= limit) {
            throw new TlvException(Reason.TRUNCATED_TAG, base + pos + 2);
        }
        int b2 = buf[pos + 2] & 0xFF;
        if ((b2 & 0x80) != 0) {
            throw new TlvException(Reason.TAG_TOO_LONG, base + pos + 2);
        }
        return new Tag((b0 << 16) | (b1 << 8) | b2, 3);
    }

    /** The tag bytes read big-endian. */
    public int value() {
        return value;
    }

    /** Number of bytes of the tag field: 1, 2 or 3. */
    public int size() {
        return size;
    }

    private int firstByte() {
        return value >>> (8 * (size - 1));
    }

    /** X.690 §8.1.2.5: bit 6 of the first byte. */
    public boolean isConstructed() {
        return (firstByte() & 0x20) != 0;
    }

    public TagClass tagClass() {
        return TagClass.ofFirstByte(firstByte());
    }

    /** X.690 §8.1.2: the tag number (low five bits, or the base-128 number of the subsequent bytes). */
    public int number() {
        return switch (size) {
            case 1 -> value & 0x1F;
            case 2 -> value & 0x7F;
            default -> ((value >>> 8) & 0x7F) << 7 | (value & 0x7F);
        };
    }

    public byte[] toBytes() {
        byte[] out = new byte[size];
        writeTo(out, 0);
        return out;
    }

    int writeTo(byte[] dst, int offset) {
        for (int i = 0; i < size; i++) {
            dst[offset + i] = (byte) (value >>> (8 * (size - 1 - i)));
        }
        return offset + size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && t.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Upper-case hex of the tag bytes, e.g. {@code 9F70}. */
    @Override
    public String toString() {
        String hex = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "0".repeat(2 * size - hex.length()) + hex;
    }
}
