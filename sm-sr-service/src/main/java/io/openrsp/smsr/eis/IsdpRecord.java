package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 EIS, ProfileInfo as the SM-SR stores it (table {@code isdp}): one ISD-P on a card and the profile
 * it holds. The AID carries the TAR the SM-SR allocated ({@code Aid.isdP(tar)}).
 *
 * @param iccid the profile's ICCID; null for an ISD-P known only from an audit
 * @param smdpId the SM-DP that created the ISD-P (the caller of CreateISDP); null when known only from an audit
 * @param pol2 the profile's POL2 rules (empty: none)
 */
public record IsdpRecord(
        Eid eid,
        Aid aid,
        ProfileState state,
        @Nullable String iccid,
        @Nullable String mnoId,
        @Nullable String smdpId,
        @Nullable String profileType,
        boolean fallback,
        @Nullable Long allocatedMemory,
        @Nullable String imsi,
        @Nullable String msisdn,
        @Nullable List<Pol2Rule> pol2) {

    public IsdpRecord {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(aid, "aid");
        Objects.requireNonNull(state, "state");
        pol2 = pol2 == null ? List.of() : List.copyOf(pol2);
    }

    /** A freshly created ISD-P: state CREATED, no profile yet. */
    public static IsdpRecord created(
            Eid eid, Aid aid, String iccid, String mnoId, String smdpId, @Nullable Long allocatedMemory) {
        return new IsdpRecord(
                eid,
                aid,
                ProfileState.CREATED,
                iccid,
                mnoId,
                smdpId,
                null,
                false,
                allocatedMemory,
                null,
                null,
                List.of());
    }

    public IsdpRecord withState(ProfileState newState) {
        return new IsdpRecord(
                eid, aid, newState, iccid, mnoId, smdpId, profileType, fallback, allocatedMemory, imsi, msisdn, pol2);
    }

    public IsdpRecord withFallback(boolean newFallback) {
        return new IsdpRecord(
                eid, aid, state, iccid, mnoId, smdpId, profileType, newFallback, allocatedMemory, imsi, msisdn, pol2);
    }

    public IsdpRecord withPol2(List<Pol2Rule> rules) {
        return new IsdpRecord(
                eid, aid, state, iccid, mnoId, smdpId, profileType, fallback, allocatedMemory, imsi, msisdn, rules);
    }

    /** Whether a POL2 rule of this profile says {@code qualification} about {@code action}. */
    public boolean hasRule(Pol2Rule.Action action, Pol2Rule.Qualification qualification) {
        return pol2.contains(new Pol2Rule(action, qualification));
    }
}
