package io.openrsp.smsr.eis;

import io.openrsp.rsp.id.Eid;
import java.io.Serial;

/** DESIGN.md §3.2: the EID names no card registered at this SM-SR. */
public final class UnknownEidException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Eid eid;

    public UnknownEidException(Eid eid) {
        super("eUICC not registered: " + eid);
        this.eid = eid;
    }

    public Eid eid() {
        return eid;
    }
}
