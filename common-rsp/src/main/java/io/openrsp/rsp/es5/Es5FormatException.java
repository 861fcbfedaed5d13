package io.openrsp.rsp.es5;

/**
 * The failure of decoding data the card returns over ES5 (a GET STATUS response, a notification): the input
 * is not what GSMA SGP.02 / DESIGN.md §3.3 define. The message names the offset and the element, never more
 * of the input.
 */
public class Es5FormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public Es5FormatException(String what, int offset) {
        this(what, offset, null);
    }

    public Es5FormatException(String what, int offset, Throwable cause) {
        super("malformed ES5 data at offset " + offset + ": " + what, cause);
        this.offset = offset;
    }

    /** Offset of the problem in the caller's input. */
    public int offset() {
        return offset;
    }
}
