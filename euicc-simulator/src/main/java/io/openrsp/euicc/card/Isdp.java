package io.openrsp.euicc.card;

import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §2.2.1 / DESIGN.md §3.3: one ISD-P in the card model, immutable.
 *
 * @param aid its AID
 * @param lifeCycle CREATED until a profile is installed, then DISABLED or ENABLED
 * @param fallback the fall-back attribute
 * @param memoryQuota memory reserved at creation (the {@code EF 04 83 ..} system parameter; 0 when absent)
 * @param iccid the installed profile's ICCID, null while none is installed
 * @param pol1 the installed profile's POL1 ({@link Pol1#NONE} while none is installed)
 * @param createdAt when the INSTALL created it
 */
record Isdp(
        Aid aid,
        LifeCycle lifeCycle,
        boolean fallback,
        long memoryQuota,
        @Nullable String iccid,
        Pol1 pol1,
        Instant createdAt) {

    Isdp {
        Objects.requireNonNull(aid, "aid");
        Objects.requireNonNull(lifeCycle, "lifeCycle");
        Objects.requireNonNull(pol1, "pol1");
        Objects.requireNonNull(createdAt, "createdAt");
        if (memoryQuota < 0) {
            throw new IllegalArgumentException("memoryQuota must be >= 0");
        }
    }

    Isdp withLifeCycle(LifeCycle newLifeCycle) {
        return new Isdp(aid, newLifeCycle, fallback, memoryQuota, iccid, pol1, createdAt);
    }

    /** @param profile the profile row of this ISD-P, null if none (a test hook may set an ICCID without one) */
    IsdpView view(@Nullable InstalledProfile profile) {
        return new IsdpView(
                aid.toString(),
                lifeCycle.toProfileState().wireValue(),
                fallback,
                memoryQuota,
                iccid,
                profile == null ? null : profile.imsi(),
                profile == null ? null : profile.profileType());
    }

    /** This ISD-P holding the profile {@code newIccid}: DISABLED, as after an ES8 download. */
    Isdp withProfile(String newIccid) {
        return new Isdp(aid, LifeCycle.DISABLED, fallback, memoryQuota, newIccid, pol1, createdAt);
    }
}
