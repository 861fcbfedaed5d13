package io.openrsp.rsp.scp81;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tlv;

/** Occurrence rules for the elements of a triggering parameters container: at most once, or exactly once. */
final class Elements {

    private Elements() {}

    /** Returns {@code child}, or fails if an element with its tag was {@code seen} already. */
    static Tlv once(Tlv seen, Tlv child) {
        if (seen != null) {
            throw new Scp81FormatException(Reason.DUPLICATE_ELEMENT, child.offset(), "tag " + child.tag());
        }
        return child;
    }

    /** Returns {@code element}, or fails at {@code end} (the end of its container) if it is absent. */
    static Tlv required(Tlv element, int end, String what) {
        if (element == null) {
            throw new Scp81FormatException(Reason.MISSING_ELEMENT, end, what);
        }
        return element;
    }
}
