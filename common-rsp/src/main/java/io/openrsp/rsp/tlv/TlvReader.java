package io.openrsp.rsp.tlv;

import io.openrsp.rsp.tlv.TlvException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * ISO/IEC 7816-4 §5.2 / ITU-T X.690 §8.1: a strict BER-TLV parser.
 *
 * <p>Rejected, with a {@link TlvException} naming the offset: truncated tags and lengths, first tag bytes
 * {@code 00}/{@code FF}, non-minimal tags, tags over three bytes, non-minimal lengths, length fields of four
 * or more bytes, values running past the input, the indefinite form on a primitive tag, a missing or
 * malformed end-of-contents, nesting deeper than {@link #MAX_DEPTH}, and trailing bytes where one object is
 * expected. Padding bytes {@code 00}/{@code FF} between objects, which ISO/IEC 7816-4 tolerates, are rejected
 * too: no encoder of this platform writes them.
 *
 * <p>The input is copied once; every object decoded from it shares that copy. Definite-length values are
 * parsed into children only on demand ({@link Tlv#children()}); indefinite-length values are parsed at once,
 * since only their children tell where they end.
 */
public final class TlvReader {

    /** Deepest nesting accepted; top-level objects are at depth 0. Bounds recursion on hostile input. */
    public static final int MAX_DEPTH = 32;

    private final byte[] buf;
    private final int base;
    private final int limit;
    private final int depth;
    private int pos;

    /** Reads the objects of {@code data} one after the other (the array is copied). */
    public TlvReader(byte[] data) {
        this(data.clone(), 0, 0, data.length, 0);
    }

    private TlvReader(byte[] buf, int base, int start, int limit, int depth) {
        this.buf = buf;
        this.base = base;
        this.pos = start;
        this.limit = limit;
        this.depth = depth;
    }

    /** Exactly one object filling all of {@code data}. */
    public static Tlv readSingle(byte[] data) {
        return readSingle(data, 0, data.length);
    }

    /**
     * Exactly one object filling {@code data[offset, offset + length)}; error offsets index {@code data}.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code data} (a caller bug, not bad input)
     */
    public static Tlv readSingle(byte[] data, int offset, int length) {
        TlvReader reader = over(data, offset, length);
        Tlv tlv = reader.readOne(0);
        if (reader.pos < reader.limit) {
            throw new TlvException(Reason.TRAILING_DATA, reader.position());
        }
        return tlv;
    }

    /** All the objects, back to back, that fill {@code data}; an empty input gives an empty list. */
    public static List<Tlv> readAll(byte[] data) {
        return readAll(data, 0, data.length);
    }

    /** All the objects that fill {@code data[offset, offset + length)}; error offsets index {@code data}. */
    public static List<Tlv> readAll(byte[] data, int offset, int length) {
        return over(data, offset, length).readRemaining();
    }

    private static TlvReader over(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return new TlvReader(Arrays.copyOfRange(data, offset, offset + length), offset, 0, length, 0);
    }

    /** The children of a value at {@code buf[start, start + length)}; they sit at {@code depth}. */
    static List<Tlv> readChildren(byte[] buf, int base, int start, int length, int depth) {
        return new TlvReader(buf, base, start, start + length, depth).readRemaining();
    }

    public boolean hasNext() {
        return pos < limit;
    }

    /**
     * The next object.
     *
     * @throws NoSuchElementException if there is none left
     * @throws TlvException if the bytes at the current position are not a well-formed object
     */
    public Tlv next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no TLV left at offset " + position());
        }
        return readOne(depth);
    }

    /** Offset of the next unread byte, in the caller's input. */
    public int position() {
        return base + pos;
    }

    private List<Tlv> readRemaining() {
        List<Tlv> out = new ArrayList<>();
        while (pos < limit) {
            out.add(readOne(depth));
        }
        return List.copyOf(out);
    }

    private Tlv readOne(int level) {
        int start = pos;
        if (level > MAX_DEPTH) {
            throw new TlvException(Reason.NESTING_TOO_DEEP, base + start);
        }
        Tag tag = Tag.read(buf, pos, limit, base);
        pos += tag.size();
        if (pos >= limit) {
            throw new TlvException(Reason.TRUNCATED_LENGTH, base + pos);
        }
        if ((buf[pos] & 0xFF) == 0x80) {
            return readIndefinite(tag, start, level);
        }
        int lengthAt = pos;
        int length = readLength();
        if (length > limit - pos) {
            throw new TlvException(Reason.VALUE_EXCEEDS_INPUT, base + lengthAt);
        }
        Tlv tlv = Tlv.decoded(tag, buf, base, start, pos, length, level);
        pos += length;
        return tlv;
    }

    private Tlv readIndefinite(Tag tag, int start, int level) {
        if (!tag.isConstructed()) {
            throw new TlvException(Reason.INDEFINITE_LENGTH_PRIMITIVE, base + pos);
        }
        pos++;
        int valueStart = pos;
        List<Tlv> children = new ArrayList<>();
        while (true) {
            if (pos >= limit) {
                throw new TlvException(Reason.MISSING_END_OF_CONTENTS, base + pos);
            }
            if (buf[pos] == 0) {
                if (pos + 1 >= limit) {
                    throw new TlvException(Reason.MISSING_END_OF_CONTENTS, base + pos + 1);
                }
                if (buf[pos + 1] != 0) {
                    throw new TlvException(Reason.MALFORMED_END_OF_CONTENTS, base + pos + 1);
                }
                break;
            }
            children.add(readOne(level + 1));
        }
        int valueEnd = pos;
        pos += 2;
        return Tlv.decodedIndefinite(tag, buf, base, start, valueStart, valueEnd - valueStart, level, children);
    }

    private int readLength() {
        int first = buf[pos] & 0xFF;
        if (first < 0x80) {
            pos++;
            return first;
        }
        int size = first & 0x7F;
        if (size > 3) {
            throw new TlvException(Reason.LENGTH_FIELD_TOO_LONG, base + pos);
        }
        if (size >= limit - pos) {
            throw new TlvException(Reason.TRUNCATED_LENGTH, base + limit);
        }
        int length = 0;
        for (int i = 1; i <= size; i++) {
            length = (length << 8) | (buf[pos + i] & 0xFF);
        }
        if (length < TlvWriter.minimumForLengthFieldOfSize(size)) {
            throw new TlvException(Reason.NON_MINIMAL_LENGTH, base + pos);
        }
        pos += 1 + size;
        return length;
    }
}
