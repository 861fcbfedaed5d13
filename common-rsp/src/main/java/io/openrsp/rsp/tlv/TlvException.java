package io.openrsp.rsp.tlv;

/**
 * ISO/IEC 7816-4 §5.2 / ITU-T X.690 §8.1: the one failure of BER-TLV decoding. It names the byte offset of
 * the problem (from the start of the input the caller handed in) and why it is a problem.
 */
public final class TlvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the input is not acceptable BER-TLV. */
    public enum Reason {
        /** The input ends inside a tag field (or where a tag was expected but nothing is left). */
        TRUNCATED_TAG,
        /** First tag byte {@code 00} or {@code FF} (ISO/IEC 7816-4 §5.2.2.1), or a stray end-of-contents. */
        RESERVED_TAG_BYTE,
        /** Second tag byte {@code 00}-{@code 1E} or {@code 80}: the tag number fits a shorter form. */
        NON_MINIMAL_TAG,
        /** A tag longer than three bytes. */
        TAG_TOO_LONG,
        /** The input ends inside a length field. */
        TRUNCATED_LENGTH,
        /** A definite length not in its shortest form (e.g. {@code 81 05}). */
        NON_MINIMAL_LENGTH,
        /** A length field {@code 84} or longer (or the reserved {@code FF}). */
        LENGTH_FIELD_TOO_LONG,
        /** The length names more value bytes than the input holds. */
        VALUE_EXCEEDS_INPUT,
        /** The indefinite form on a primitive tag (X.690 §8.1.3.2 allows it only on constructed ones). */
        INDEFINITE_LENGTH_PRIMITIVE,
        /** The input ends before the {@code 00 00} that closes an indefinite length. */
        MISSING_END_OF_CONTENTS,
        /** A {@code 00} in tag position of an indefinite value not followed by a second {@code 00}. */
        MALFORMED_END_OF_CONTENTS,
        /** Objects nested deeper than {@link TlvReader#MAX_DEPTH}. */
        NESTING_TOO_DEEP,
        /** Bytes left after the single object that was expected. */
        TRAILING_DATA
    }

    private final Reason reason;
    private final int offset;

    public TlvException(Reason reason, int offset) {
        super("malformed BER-TLV at offset " + offset + ": " + reason);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Offset of the offending byte in the caller's input. */
    public int offset() {
        return offset;
    }
}
