package io.openrsp.euicc.card;

import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test hook, test sources only: puts a profile into a card's ISD-P as the SCP03t download does (CREATED becomes
 * DISABLED with an ICCID), and moves the fall-back attribute, writing through the card store like {@link Cards} does
 * (version claim, one transaction), so tests can enable and disable profiles without running a download.
 */
public final class TestProfiles {

    private final CardStore store;
    private final TransactionTemplate transactions;

    public TestProfiles(ApplicationContext context) {
        this.store = context.getBean(CardStore.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** @throws IllegalStateException unless the card has that ISD-P in state CREATED */
    public void installTestProfile(Eid eid, Aid isdp, String iccid) {
        Objects.requireNonNull(iccid, "iccid");
        update(eid, isdp, current -> {
            if (current.lifeCycle() != LifeCycle.CREATED) {
                throw new IllegalStateException("ISD-P " + isdp + " already holds a profile");
            }
            return new Isdp(
                    current.aid(),
                    LifeCycle.DISABLED,
                    current.fallback(),
                    current.memoryQuota(),
                    iccid,
                    current.pol1(),
                    current.createdAt());
        });
    }

    /** Gives the profile in {@code isdp} the POL1 rules {@code pol1} (what a package could carry; the SAIP subset reads no POL1 yet). */
    public void setPol1(Eid eid, Aid isdp, boolean disableNotAllowed, boolean deleteNotAllowed) {
        update(
                eid,
                isdp,
                current -> new Isdp(
                        current.aid(),
                        current.lifeCycle(),
                        current.fallback(),
                        current.memoryQuota(),
                        current.iccid(),
                        new Pol1(disableNotAllowed, deleteNotAllowed),
                        current.createdAt()));
    }

    /** Gives {@code isdp} the fall-back attribute and takes it from any other ISD-P of the card. */
    public void setFallback(Eid eid, Aid isdp) {
        transactions.executeWithoutResult(status -> {
            CardRow row = store.find(eid).orElseThrow();
            CardState before = store.state(row);
            before.isdp(isdp).orElseThrow(() -> new IllegalStateException("no ISD-P " + isdp));
            CardState after = before;
            for (Isdp current : before.isdps()) {
                after = after.with(new Isdp(
                        current.aid(),
                        current.lifeCycle(),
                        current.aid().equals(isdp),
                        current.memoryQuota(),
                        current.iccid(),
                        current.pol1(),
                        current.createdAt()));
            }
            save(row, before, after);
        });
    }

    private void update(Eid eid, Aid isdp, UnaryOperator<Isdp> change) {
        transactions.executeWithoutResult(status -> {
            CardRow row = store.find(eid).orElseThrow();
            CardState before = store.state(row);
            Isdp current = before.isdp(isdp).orElseThrow(() -> new IllegalStateException("no ISD-P " + isdp));
            save(row, before, before.with(change.apply(current)));
        });
    }

    private void save(CardRow row, CardState before, CardState after) {
        if (!store.bumpVersion(row.eid(), row.version())) {
            throw new IllegalStateException("card changed concurrently");
        }
        store.save(before, after, Instant.now());
    }
}
