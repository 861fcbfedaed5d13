package io.openrsp.euicc.card;

import io.openrsp.rsp.id.Eid;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * DESIGN.md §7: serialises the operations on one card inside this process with a fixed set of locks striped by EID,
 * so memory does not grow with the fleet. Two cards may share a stripe and then wait for each other briefly; that is
 * the price of the bound. {@link ReentrantLock} does not pin virtual threads.
 */
final class CardLocks {

    private final ReentrantLock[] stripes;

    CardLocks(int stripeCount) {
        if (stripeCount <= 0) {
            throw new IllegalArgumentException("stripeCount must be positive");
        }
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T withLock(Eid eid, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(eid.hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
