package io.openrsp.rsp.es5;

import io.openrsp.rsp.apdu.StatusWord;
import java.util.Objects;

/**
 * A command APDU addressed to the ISD-R that names a known command but whose parameters or data are
 * malformed; it carries the status word the card answers (GlobalPlatform Card Specification v2.3 §11:
 * {@code 6A80} wrong data, {@code 6700} wrong length, {@code 6A86} incorrect P1-P2).
 */
public final class IsdRCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StatusWord statusWord;

    public IsdRCommandException(StatusWord statusWord, String detail) {
        super(Objects.requireNonNull(statusWord, "statusWord") + ": " + detail);
        this.statusWord = statusWord;
    }

    /** The status word the card answers. */
    public StatusWord statusWord() {
        return statusWord;
    }
}
