package io.openrsp.cli;

import io.openrsp.cli.client.Order;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Prints each step of an order once, when it has ended, as the order is polled. */
final class OrderProgress implements Consumer<Order> {

    private final PrintWriter out;
    private final Set<String> shown = new HashSet<>();

    OrderProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(Order order) {
        List<Order.Step> steps = order.steps();
        for (int i = 0; i < steps.size(); i++) {
            Order.Step step = steps.get(i);
            if (step.hasEnded() && shown.add(step.name())) {
                out.println(Report.orderStep(i + 1, steps.size(), step));
            }
        }
        out.flush();
    }
}
