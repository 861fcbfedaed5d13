package io.openrsp.rsp.tlv;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ISO/IEC 7816-4 §5.2 / ITU-T X.690 §8.1: one BER-TLV data object, immutable.
 *
 * <p>A decoded object points into the single copy of the input its {@link TlvReader} made; its nested
 * objects are parsed only when {@link #children()} is called. {@link #children()} works on any tag, not only
 * on constructed ones: GlobalPlatform and ETSI containers such as the Amendment B triggering parameters
 * ({@code 81}, {@code 83}, {@code 89}) carry TLVs under context-specific primitive tags.
 *
 * <p>{@link #toString()} shows the tag and length only: the value may be key material.
 */
public final class Tlv {

    /** The largest value a three-byte length field ({@code 83 xxxxxx}) can announce. */
    public static final int MAX_VALUE_LENGTH = 0xFFFFFF;

    private final Tag tag;
    private final byte[] buf; // value bytes live here; null when built from children
    private final int base; // offset of buf[0] in the caller's input, for error offsets
    private final int offset; // tag position in buf
    private final int valueOffset;
    private final int valueLength;
    private final boolean indefinite;
    private final int depth;
    private List<Tlv> children; // parsed lazily; immutable once set, so a racy first parse is harmless

    private Tlv(
            Tag tag,
            byte[] buf,
            int base,
            int offset,
            int valueOffset,
            int valueLength,
            boolean indefinite,
            int depth,
            List<Tlv> children) {
        this.tag = tag;
        this.buf = buf;
        this.base = base;
        this.offset = offset;
        this.valueOffset = valueOffset;
        this.valueLength = valueLength;
        this.indefinite = indefinite;
        this.depth = depth;
        this.children = children;
    }

    /** A definite-length object with the given value (copied). */
    public static Tlv of(Tag tag, byte[] value) {
        checkValueLength(value.length);
        return new Tlv(tag, value.clone(), 0, 0, 0, value.length, false, 0, null);
    }

    /** A definite-length object with the given tag bytes and value (copied). */
    public static Tlv of(int tag, byte[] value) {
        return of(Tag.of(tag), value);
    }

    /**
     * A definite-length object whose value is the encoding of {@code children}. The tag need not have the
     * constructed bit: see the class comment.
     */
    public static Tlv constructed(Tag tag, List<Tlv> children) {
        List<Tlv> copy = List.copyOf(children);
        return new Tlv(tag, null, 0, 0, 0, contentLength(copy), false, 0, copy);
    }

    public static Tlv constructed(Tag tag, Tlv... children) {
        return constructed(tag, List.of(children));
    }

    /**
     * X.690 §8.1.3.6: an indefinite-length object ({@code tag 80 children 00 00}), as the expanded remote
     * scripts {@code AE} and {@code AF} of ETSI TS 102 226 use it.
     *
     * @throws IllegalArgumentException if the tag is primitive (X.690 §8.1.3.2)
     */
    public static Tlv indefinite(Tag tag, List<Tlv> children) {
        if (!tag.isConstructed()) {
            throw new IllegalArgumentException("the indefinite length form needs a constructed tag, not " + tag);
        }
        List<Tlv> copy = List.copyOf(children);
        return new Tlv(tag, null, 0, 0, 0, contentLength(copy), true, 0, copy);
    }

    public static Tlv indefinite(Tag tag, Tlv... children) {
        return indefinite(tag, List.of(children));
    }

    static Tlv decoded(Tag tag, byte[] buf, int base, int offset, int valueOffset, int valueLength, int depth) {
        return new Tlv(tag, buf, base, offset, valueOffset, valueLength, false, depth, null);
    }

    static Tlv decodedIndefinite(
            Tag tag,
            byte[] buf,
            int base,
            int offset,
            int valueOffset,
            int valueLength,
            int depth,
            List<Tlv> children) {
        return new Tlv(tag, buf, base, offset, valueOffset, valueLength, true, depth, List.copyOf(children));
    }

    private static int contentLength(List<Tlv> children) {
        long sum = 0;
        for (Tlv child : children) {
            sum += child.encodedLength();
        }
        checkValueLength(sum);
        return (int) sum;
    }

    private static void checkValueLength(long length) {
        if (length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value longer than " + MAX_VALUE_LENGTH + " bytes: " + length);
        }
    }

    public Tag tag() {
        return tag;
    }

    /** Number of value bytes (for the indefinite form: the bytes between the header and {@code 00 00}). */
    public int length() {
        return valueLength;
    }

    public boolean isIndefiniteLength() {
        return indefinite;
    }

    /** A copy of the value bytes. */
    public byte[] value() {
        if (buf != null) {
            return Arrays.copyOfRange(buf, valueOffset, valueOffset + valueLength);
        }
        byte[] out = new byte[valueLength];
        writeContent(out, 0);
        return out;
    }

    /**
     * One value byte as an unsigned number, without copying the value (for one-byte fields such as counts,
     * KIDs and KVNs).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < length()}: check the length first
     */
    public int valueByte(int index) {
        if (index < 0 || index >= valueLength) {
            throw new IndexOutOfBoundsException("value byte " + index + " of " + valueLength);
        }
        if (buf != null) {
            return buf[valueOffset + index] & 0xFF;
        }
        return value()[index] & 0xFF;
    }

    /**
     * The value parsed as a sequence of BER-TLV objects, strictly (parsed on first call, then kept).
     *
     * @throws TlvException if the value is not such a sequence; the offset is in the original input
     */
    public List<Tlv> children() {
        List<Tlv> parsed = children;
        if (parsed == null) {
            parsed = TlvReader.readChildren(buf, base, valueOffset, valueLength, depth + 1);
            children = parsed;
        }
        return parsed;
    }

    /** The first child with the given tag. */
    public Optional<Tlv> firstChild(Tag childTag) {
        for (Tlv child : children()) {
            if (child.tag.equals(childTag)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Offset of the tag in the input this object was decoded from; 0 for an object built in memory. */
    public int offset() {
        return base + offset;
    }

    /** Offset of the first value byte in the input this object was decoded from; 0 when built in memory. */
    public int valueOffset() {
        return buf == null ? 0 : base + valueOffset;
    }

    /** Size of the whole encoding: tag, length field, value (and {@code 00 00} for the indefinite form). */
    public int encodedLength() {
        return tag.size() + (indefinite ? 1 + valueLength + 2 : TlvWriter.lengthFieldSize(valueLength) + valueLength);
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        writeTo(out, 0);
        return out;
    }

    /** Writes the encoding at {@code position} and returns the position after it. */
    int writeTo(byte[] dst, int position) {
        int p = tag.writeTo(dst, position);
        if (indefinite) {
            dst[p++] = (byte) 0x80;
            p = writeContent(dst, p);
            dst[p++] = 0;
            dst[p++] = 0;
            return p;
        }
        p = TlvWriter.writeLength(dst, p, valueLength);
        return writeContent(dst, p);
    }

    private int writeContent(byte[] dst, int position) {
        if (buf != null) {
            System.arraycopy(buf, valueOffset, dst, position, valueLength);
            return position + valueLength;
        }
        int p = position;
        for (Tlv child : children) {
            p = child.writeTo(dst, p);
        }
        return p;
    }

    /** Equal when the encodings are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && tag.equals(t.tag) && Arrays.equals(encode(), t.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Tlv[" + tag + ", length=" + (indefinite ? "indefinite " : "") + valueLength + "]";
    }
}
