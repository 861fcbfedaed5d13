package io.openrsp.smsr.eis;

import io.openrsp.rsp.id.Eid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md §3.3 (at most one ISD-P enabled): ES3 calls that change a card run one at a time per EID, so the SM-SR
 * never has two changes of one card in flight and the EIS it writes follows the card's order. In-process locks
 * striped by EID (a fixed number of stripes, so memory does not grow with the fleet; two cards may share a stripe,
 * which only serialises them). {@link ReentrantLock} does not pin virtual threads. A caller waits at most until its
 * deadline; the card enforces the invariant on its own as well.
 */
@Component
public class CardLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Clock clock;

    public CardLocks(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Thrown when the card's lock could not be taken before the deadline. */
    public static final class LockTimeoutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LockTimeoutException(Eid eid) {
            super("another change of eUICC " + eid + " did not finish in time");
        }
    }

    /**
     * Runs {@code action} holding the card's lock.
     *
     * @throws LockTimeoutException if the lock is not free before {@code deadline}
     */
    public <T> T withLock(Eid eid, Instant deadline, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(eid.hashCode(), STRIPES)];
        long waitNanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
        try {
            if (!lock.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutException(eid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException(eid);
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
