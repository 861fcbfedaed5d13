package io.openrsp.rsp.scp81;

/**
 * GlobalPlatform Amendment B §3.8 / GSMA SGP.02 v4.2 §2.4: the one failure of decoding a PSK identity or
 * administration session triggering parameters. It names the offset of the problem (in bytes of the input;
 * in characters for the hex string form of a PSK identity) and why it is a problem.
 */
public final class Scp81FormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the input is not acceptable. */
    public enum Reason {
        /** Not well-formed BER-TLV (the cause is the {@code TlvException}). */
        MALFORMED_TLV,
        /** A PSK identity string with a character that is not a hex digit, or an odd number of them. */
        MALFORMED_HEX,
        /** A malformed COMPREHENSION-TLV (ETSI TS 101 220 §7.1.1) in the connection or retry parameters. */
        MALFORMED_COMPREHENSION_TLV,
        /** A tag not expected at that place (or an unknown comprehension-required tag). */
        UNEXPECTED_TAG,
        /** A mandatory element is absent; the offset is where it was expected or the end of its parent. */
        MISSING_ELEMENT,
        /** An element that may appear once appears twice. */
        DUPLICATE_ELEMENT,
        /** An element whose length is not the one its definition allows. */
        INVALID_LENGTH,
        /** An element whose value is out of its range or not in its coding. */
        INVALID_VALUE
    }

    private final Reason reason;
    private final int offset;

    public Scp81FormatException(Reason reason, int offset, String detail) {
        this(reason, offset, detail, null);
    }

    public Scp81FormatException(Reason reason, int offset, String detail, RuntimeException cause) {
        super("malformed SCP81 data at offset " + offset + ": " + reason + " (" + detail + ")", cause);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    public int offset() {
        return offset;
    }
}
