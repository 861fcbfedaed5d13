package io.openrsp.smdp.order;

import java.util.Objects;

/**
 * Published (Spring application event) when a step of a running order has ended and that is committed, so that readers
 * following the order's progress ({@code GET /orders/{id}?wait=..&stepsEnded=..}) answer at once. The order's end is
 * {@link OrderEnded}.
 *
 * @param orderId the order's id
 */
public record OrderStepEnded(String orderId) {

    public OrderStepEnded {
        Objects.requireNonNull(orderId, "orderId");
    }
}
