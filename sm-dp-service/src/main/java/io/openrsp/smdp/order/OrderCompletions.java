package io.openrsp.smdp.order;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a reader of an order wait for its end, or for its next ended step, instead of polling
 * ({@code GET /orders/{id}?wait=...}): one future per order that someone waits for, completed and removed by the next
 * {@link OrderStepEnded} or {@link OrderEnded}; waiters then read the order again. A wait that times out leaves the
 * future for other waiters; it goes at the order's next change (orders always end, {@link OrderRunner} resumes them).
 */
@Component
public class OrderCompletions {

    private final ConcurrentMap<String, CompletableFuture<Void>> changes = new ConcurrentHashMap<>();
    private final Orders orders;

    OrderCompletions(Orders orders) {
        this.orders = orders;
    }

    /**
     * The order as {@code operator} may see it ({@link Orders#find}), once it is final or {@code wait} has passed,
     * whichever comes first; empty if there is no such order for this caller.
     */
    public Optional<OrderView> awaitFinal(String orderId, @Nullable String operator, Duration wait)
            throws InterruptedException {
        return await(orderId, operator, wait, null);
    }

    /**
     * As {@link #awaitFinal}, but also answers as soon as more than {@code stepsEnded} of its steps have ended (when
     * not null): a reader that has seen that many follows the order step by step without polling.
     */
    public Optional<OrderView> await(
            String orderId, @Nullable String operator, Duration wait, @Nullable Integer stepsEnded)
            throws InterruptedException {
        Optional<OrderView> now = orders.find(orderId, operator);
        if (now.isEmpty() || answers(now.get(), stepsEnded) || !wait.isPositive()) {
            return now; // nothing registered for ids the caller may not see
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            CompletableFuture<Void> changed = changes.computeIfAbsent(orderId, id -> new CompletableFuture<>());
            // Read again after registering: a change committed in between is either seen here or completes the future.
            now = orders.find(orderId, operator);
            long left = deadline - System.nanoTime();
            if (now.isEmpty() || answers(now.get(), stepsEnded) || left <= 0) {
                return now;
            }
            try {
                changed.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return orders.find(orderId, operator); // the wait is over: the current state
            }
        }
    }

    private static boolean answers(OrderView order, @Nullable Integer stepsEnded) {
        return order.state().isFinal()
                || (stepsEnded != null
                        && order.steps().stream()
                                        .filter(s -> s.state().hasEnded())
                                        .count()
                                > stepsEnded);
    }

    @EventListener
    void onStepEnded(OrderStepEnded event) {
        changed(event.orderId());
    }

    @EventListener
    void onEnded(OrderEnded event) {
        changed(event.order().orderId());
    }

    private void changed(String orderId) {
        CompletableFuture<Void> changed = changes.remove(orderId);
        if (changed != null) {
            changed.complete(null);
        }
    }

    /** Orders someone is waiting for (a gauge's worth of insight, and for tests). */
    int waiting() {
        return changes.size();
    }
}
