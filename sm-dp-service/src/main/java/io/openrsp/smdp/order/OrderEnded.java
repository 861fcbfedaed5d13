package io.openrsp.smdp.order;

import java.util.Objects;

/**
 * Published (Spring application event) once when an order reaches COMPLETED or FAILED, after that state is committed;
 * the ES2 notification to the operator listens to it. Listeners run on the order's thread: keep them short or hand
 * the work off.
 *
 * @param order the order as it ended
 */
public record OrderEnded(OrderView order) {

    public OrderEnded {
        Objects.requireNonNull(order, "order");
    }
}
