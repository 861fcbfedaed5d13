package io.openrsp.smsr.es3;

import io.openrsp.rsp.id.Eid;
import java.time.Instant;
import java.util.Objects;

/**
 * One ES3 call as {@link Es3Executor} accepted it: who calls (the CN of the SM-DP's client certificate, equal to the
 * request's {@code functionRequesterIdentifier}), for which eUICC, and until when the card may answer (now plus the
 * validity period, GSMA SGP.02 v4.2 §5.1).
 */
public record Es3Call(String requester, Eid eid, Instant deadline) {

    public Es3Call {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(deadline, "deadline");
    }
}
