package io.openrsp.smdp.notify;

import io.openrsp.smdp.order.OrderEnded;
import io.openrsp.smdp.order.OrderView;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md §3 and §4: tells the operator that placed an order how it ended ({@code order.completed},
 * {@code order.failed}), from the {@link OrderEnded} event published once the final state is committed. Runs on the
 * order's thread, so it only hands the event to the asynchronous {@link WebhookNotifier}.
 */
@Component
class OrderWebhooks {

    private static final Logger log = LoggerFactory.getLogger(OrderWebhooks.class);

    private final WebhookNotifier notifier;
    private final Clock clock;

    OrderWebhooks(WebhookNotifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    @EventListener
    void orderEnded(OrderEnded ended) {
        OrderView order = ended.order();
        try {
            WebhookEvent.ofOrder(order, clock.instant()).ifPresent(event -> notifier.send(order.operator(), event));
        } catch (RuntimeException e) {
            // the order has ended and is committed: a notification fault must not reach the order's thread
            log.warn("webhook for order {} not sent: {}", order.orderId(), e.toString());
        }
    }
}
