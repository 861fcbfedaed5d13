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
 * Lets a reader of an order wait for its end instead of polling ({@code GET /orders/{id}?wait=...}): one future per
 * order that someone waits for, completed by {@link OrderEnded} and removed then. A wait that times out leaves the
 * future for other waiters; it goes when the order ends (orders always end, {@link OrderRunner} resumes them).
 */
@Component
public class OrderCompletions {

    private final ConcurrentMap<String, CompletableFuture<OrderView>> waiting = new ConcurrentHashMap<>();
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
        Optional<OrderView> now = orders.find(orderId, operator);
        if (now.isEmpty() || now.get().state().isFinal() || !wait.isPositive()) {
            return now; // nothing registered for ids the caller may not see
        }
        CompletableFuture<OrderView> ended = waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
        // Read again after registering: an end committed in between is either seen here or completes the future.
        now = orders.find(orderId, operator);
        if (now.isEmpty() || now.get().state().isFinal()) {
            return now;
        }
        try {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Not ended yet: answer the current state.
        }
        return orders.find(orderId, operator);
    }

    @EventListener
    void onEnded(OrderEnded event) {
        CompletableFuture<OrderView> ended = waiting.remove(event.order().orderId());
        if (ended != null) {
            ended.complete(event.order());
        }
    }

    /** Orders someone is waiting for (a gauge's worth of insight, and for tests). */
    int waiting() {
        return waiting.size();
    }
}
