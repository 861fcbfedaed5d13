package io.openrsp.rsp.es5;

import io.openrsp.rsp.id.Aid;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.1 GET STATUS (DESIGN.md §3.3): what the card reports for one ISD-P, one {@code E3}
 * entry of {@link GetStatusResponse}.
 *
 * @param aid the ISD-P AID
 * @param lifeCycle its life-cycle state
 * @param fallback whether it carries the fall-back attribute
 */
public record IsdpStatus(Aid aid, LifeCycle lifeCycle, boolean fallback) {

    public IsdpStatus {
        Objects.requireNonNull(aid, "aid");
        Objects.requireNonNull(lifeCycle, "lifeCycle");
    }
}
