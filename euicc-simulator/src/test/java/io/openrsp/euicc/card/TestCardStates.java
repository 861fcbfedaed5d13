package io.openrsp.euicc.card;

import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.time.Instant;
import java.util.List;

/** Test fixture: card model states built directly, for unit tests of the ISD-R and of script execution. */
final class TestCardStates {

    static final Eid EID = Eid.withCheckDigits("890490320000000000000000012345");
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final long MEMORY = 512 * 1024;

    private TestCardStates() {}

    static CardState empty() {
        return new CardState(EID, MEMORY, List.of(), List.of(), CardState.FIRST_SEQUENCE_NUMBER);
    }

    /** {@code card}'s ISD-P {@code aid} with {@code pol1} (the rules its profile would carry). */
    static CardState withPol1(CardState card, Aid aid, Pol1 pol1) {
        Isdp isdp = card.isdp(aid).orElseThrow();
        return card.with(new Isdp(
                isdp.aid(),
                isdp.lifeCycle(),
                isdp.fallback(),
                isdp.memoryQuota(),
                isdp.iccid(),
                pol1,
                isdp.createdAt()));
    }

    static Aid isdp(int tar) {
        return Aid.isdP(Tar.of(tar));
    }

    /** {@code card} with an ISD-P in {@code lifeCycle} (a DISABLED or ENABLED one holds a test profile). */
    static CardState withIsdp(CardState card, Aid aid, LifeCycle lifeCycle, boolean fallback, long quota) {
        String iccid = lifeCycle == LifeCycle.CREATED ? null : "8901000000000000001";
        return card.with(new Isdp(aid, lifeCycle, fallback, quota, iccid, Pol1.NONE, NOW));
    }
}
