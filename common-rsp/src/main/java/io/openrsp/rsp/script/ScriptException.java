package io.openrsp.rsp.script;

/**
 * ETSI TS 102 226 §5.2: the one failure of remote script decoding. It names the byte offset of the problem
 * in the script handed in; a malformed TLV or APDU inside the script is kept as the cause.
 */
public final class ScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes are not an acceptable expanded remote script. */
    public enum Reason {
        /** The bytes are not well-formed BER-TLV (the cause is the {@code TlvException}). */
        MALFORMED_TLV,
        /** The outer tag is not the scripting template expected ({@code AA}/{@code AE} or {@code AB}/{@code AF}). */
        UNEXPECTED_TEMPLATE,
        /** {@code AE}/{@code AF} with a definite length, or {@code AA}/{@code AB} with the indefinite one. */
        TEMPLATE_FORM_MISMATCH,
        /** A TLV inside the template that this platform does not accept there. */
        UNEXPECTED_TAG,
        /** A {@code 22} value that is not a short command APDU (the cause is the {@code ApduException}). */
        MALFORMED_COMMAND_APDU,
        /** A {@code 23} value that is not a response APDU (the cause is the {@code ApduException}). */
        MALFORMED_RESPONSE_APDU,
        /** A response script that does not start with the number of executed commands {@code 80 01 n}. */
        MISSING_EXECUTED_COUNT,
        /** A number of executed commands whose length is not 1. */
        INVALID_EXECUTED_COUNT,
        /** A number of executed commands that differs from the number of R-APDUs that follow. */
        EXECUTED_COUNT_MISMATCH
    }

    private final Reason reason;
    private final int offset;

    public ScriptException(Reason reason, int offset) {
        this(reason, offset, null);
    }

    public ScriptException(Reason reason, int offset, RuntimeException cause) {
        super("malformed remote script at offset " + offset + ": " + reason, cause);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Offset of the offending byte in the script handed in. */
    public int offset() {
        return offset;
    }
}
