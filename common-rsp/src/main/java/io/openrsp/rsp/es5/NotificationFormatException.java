package io.openrsp.rsp.es5;

/** GSMA SGP.02 v4.2 §4.1.1 (DESIGN.md §3.3): a notification that is not a well-formed {@code E1} template. */
public final class NotificationFormatException extends Es5FormatException {

    private static final long serialVersionUID = 1L;

    public NotificationFormatException(String what, int offset) {
        super(what, offset);
    }

    public NotificationFormatException(String what, int offset, Throwable cause) {
        super(what, offset, cause);
    }
}
