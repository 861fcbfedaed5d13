package io.openrsp.cli;

import io.openrsp.cli.client.Order;
import io.openrsp.cli.client.SimulatorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code rsp demo} and {@code rsp provision} print their progress: one aligned line per step, with its duration. */
final class Report {

    private Report() {}

    /** {@code 850 ms}, {@code 12.3 s}, {@code 2 min 05 s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis % 60_000) / 1000);
    }

    /** A step of the command: what, the outcome, how long. */
    static String line(String step, String outcome, Duration duration) {
        return String.format(Locale.ROOT, "%-22s %-66s %10s", step, outcome, duration(duration))
                .stripTrailing();
    }

    /** A sub-line (a service, an order step). */
    static String detail(String what, String outcome, Duration duration) {
        return String.format(
                        Locale.ROOT, "  %-20s %-66s %10s", what, outcome, duration == null ? "" : duration(duration))
                .stripTrailing();
    }

    /** {@code step 2/5 ISDP_CREATION  DONE  310 ms}, the duration as the SM-DP measured it. */
    static String orderStep(int index, int total, Order.Step step) {
        String name = "step " + index + "/" + total + " " + step.name();
        return String.format(
                        Locale.ROOT,
                        "  %-36s %-50s %10s",
                        name,
                        step.state(),
                        step.durationMillis() == null ? "" : duration(Duration.ofMillis(step.durationMillis())))
                .stripTrailing();
    }

    /** The card's ISD-Ps, one line each. */
    static List<String> card(SimulatorClient.Card card) {
        List<String> lines = new ArrayList<>();
        lines.add("card " + card.eid()
                + (card.registered() ? " (registered at " + card.smsrId() + ")" : " (not registered)"));
        if (card.isdps().isEmpty()) {
            lines.add("  no ISD-P");
        }
        for (SimulatorClient.Isdp isdp : card.isdps()) {
            lines.add(String.format(
                            Locale.ROOT,
                            "  ISD-P %s  %-9s %s",
                            isdp.aid(),
                            isdp.lifeCycle(),
                            isdp.iccid() == null
                                    ? "no profile"
                                    : "ICCID " + isdp.iccid() + "  IMSI " + isdp.imsi()
                                            + (isdp.profileType() == null ? "" : "  type " + isdp.profileType()))
                    .stripTrailing());
        }
        return lines;
    }

    /** Why an order failed, for people. */
    static List<String> failure(Order order) {
        List<String> lines = new ArrayList<>();
        Order.Failure failure = order.failure();
        if (failure == null) {
            lines.add("order " + order.orderId() + " " + order.state() + " (the SM-DP gives no reason)");
            return lines;
        }
        lines.add("order " + order.orderId() + " FAILED at " + failure.step() + ": " + failure.reason());
        lines.add("  " + failure.message());
        if (failure.statusCodeData() != null) {
            lines.add("  SM-SR status code: " + failure.statusCodeData());
        }
        return lines;
    }
}
