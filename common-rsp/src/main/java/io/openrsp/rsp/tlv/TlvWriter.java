package io.openrsp.rsp.tlv;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * ISO/IEC 7816-4 §5.2.2.2 / ITU-T X.690 §8.1.3: writes BER-TLV into one growing buffer, with definite
 * lengths in their minimal form ({@code 00}-{@code 7F}, {@code 81 xx}, {@code 82 xxxx}, {@code 83 xxxxxx})
 * or the indefinite form {@code 80 ... 00 00}.
 *
 * <p>Nested objects are opened with {@link #beginDefinite(Tag)} or {@link #beginIndefinite(Tag)} and closed
 * with {@link #end()}; a definite length is filled in when its object is closed, so nothing is built twice.
 * Not thread-safe; one writer per message.
 */
public final class TlvWriter {

    private byte[] buf = new byte[64];
    private int size;
    private final Deque<int[]> open = new ArrayDeque<>(); // {length field position, 1 if indefinite}

    /** Appends an object. */
    public TlvWriter write(Tlv tlv) {
        ensure(tlv.encodedLength());
        size = tlv.writeTo(buf, size);
        return this;
    }

    /** Appends a definite-length object with the given value. */
    public TlvWriter write(Tag tag, byte[] value) {
        if (value.length > Tlv.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value longer than " + Tlv.MAX_VALUE_LENGTH + " bytes");
        }
        ensure(tag.size() + lengthFieldSize(value.length) + value.length);
        size = tag.writeTo(buf, size);
        size = writeLength(buf, size, value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
        return this;
    }

    /** Opens a definite-length object; its value is what is written until the matching {@link #end()}. */
    public TlvWriter beginDefinite(Tag tag) {
        ensure(tag.size() + 1);
        size = tag.writeTo(buf, size);
        open.push(new int[] {size, 0});
        size++; // one length byte reserved; end() widens it if the value needs more
        return this;
    }

    /** Opens an indefinite-length object ({@code tag 80}); {@link #end()} writes its {@code 00 00}. */
    public TlvWriter beginIndefinite(Tag tag) {
        if (!tag.isConstructed()) {
            throw new IllegalArgumentException("the indefinite length form needs a constructed tag, not " + tag);
        }
        ensure(tag.size() + 1);
        size = tag.writeTo(buf, size);
        buf[size++] = (byte) 0x80;
        open.push(new int[] {size - 1, 1});
        return this;
    }

    /** Closes the innermost open object. */
    public TlvWriter end() {
        int[] frame = open.pop();
        int lengthAt = frame[0];
        if (frame[1] == 1) {
            ensure(2);
            buf[size++] = 0;
            buf[size++] = 0;
            return this;
        }
        int valueStart = lengthAt + 1;
        int valueLength = size - valueStart;
        if (valueLength > Tlv.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value longer than " + Tlv.MAX_VALUE_LENGTH + " bytes");
        }
        int extra = lengthFieldSize(valueLength) - 1;
        if (extra > 0) {
            ensure(extra);
            System.arraycopy(buf, valueStart, buf, valueStart + extra, valueLength);
            size += extra;
        }
        writeLength(buf, lengthAt, valueLength);
        return this;
    }

    /**
     * The bytes written so far.
     *
     * @throws IllegalStateException if an object is still open
     */
    public byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " object(s) still open");
        }
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** Size of the minimal definite length field for {@code length}: 1 to 4 bytes. */
    public static int lengthFieldSize(int length) {
        if (length < 0 || length > Tlv.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("length out of range: " + length);
        }
        if (length < 0x80) {
            return 1;
        }
        if (length <= 0xFF) {
            return 2;
        }
        return length <= 0xFFFF ? 3 : 4;
    }

    /** The smallest length that needs a length field of {@code 1 + size} bytes (the minimal-form rule). */
    static int minimumForLengthFieldOfSize(int size) {
        return switch (size) {
            case 1 -> 0x80;
            case 2 -> 0x100;
            default -> 0x10000;
        };
    }

    static int writeLength(byte[] dst, int position, int length) {
        int fieldSize = lengthFieldSize(length);
        if (fieldSize == 1) {
            dst[position] = (byte) length;
            return position + 1;
        }
        int valueBytes = fieldSize - 1;
        dst[position] = (byte) (0x80 | valueBytes);
        for (int i = 0; i < valueBytes; i++) {
            dst[position + 1 + i] = (byte) (length >>> (8 * (valueBytes - 1 - i)));
        }
        return position + fieldSize;
    }
}
