package io.openrsp.rsp.apdu;

/**
 * ISO/IEC 7816-4 §5.1: the one failure of APDU parsing. It names the byte offset of the problem in the
 * bytes handed in and why it is a problem.
 */
public final class ApduException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes are not an acceptable short APDU. */
    public enum Reason {
        /** Fewer bytes than the header (4 for a command, 2 for a response's status word). */
        TOO_SHORT,
        /** Lc {@code 00} followed by more bytes: an extended-length APDU, which this platform does not use. */
        EXTENDED_LENGTH_NOT_SUPPORTED,
        /** Fewer data bytes than Lc announces. */
        TRUNCATED_DATA,
        /** Bytes after Le (or after the data when Le is absent, beyond the one Le byte). */
        TRAILING_DATA,
        /** A response with more than 256 data bytes, beyond what a short APDU can carry. */
        RESPONSE_TOO_LONG,
        /** SW1 outside {@code 61}-{@code 6F} and {@code 90}-{@code 9F} (ISO/IEC 7816-4 §5.1.3). */
        INVALID_STATUS_WORD
    }

    private final Reason reason;
    private final int offset;

    public ApduException(Reason reason, int offset) {
        super("malformed APDU at offset " + offset + ": " + reason);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Offset of the offending byte (or of the first missing one) in the bytes handed in. */
    public int offset() {
        return offset;
    }
}
