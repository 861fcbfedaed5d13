package io.openrsp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code rsp bench} measured, written as {@code bench.json} and printed as a table.
 *
 * @param n orders asked for
 * @param concurrency orders in flight at once
 * @param startedAt when the bench started (ISO-8601, UTC)
 * @param elapsedSeconds the whole bench: cards, profiles and orders
 * @param errors orders that did not complete (failed, refused, timed out, or their card was not registered)
 * @param throughput completed orders per second over the order phase
 * @param latency client-side, from the DownloadProfile POST to the order's final state, in ms
 * @param steps per order step, from the SM-DP's {@code durationMillis}, in ms, in execution order
 * @param bottlenecks the steps whose p95 exceeds the threshold
 * @param failures the first {@link #MAX_FAILURES} failures
 */
record BenchReport(
        int n,
        int concurrency,
        String startedAt,
        double elapsedSeconds,
        int errors,
        double throughput,
        Percentiles.Summary latency,
        Map<String, Percentiles.Summary> steps,
        List<String> bottlenecks,
        List<Failure> failures) {

    static final int MAX_FAILURES = 20;

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One failed order; {@code orderId} is null when no order was placed. */
    record Failure(String orderId, String step, String reason, String message) {}

    BenchReport {
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        bottlenecks = List.copyOf(bottlenecks);
        failures = List.copyOf(failures.subList(0, Math.min(failures.size(), MAX_FAILURES)));
    }

    /** The steps whose p95 is above {@code thresholdMillis}, in the order of {@code steps}. */
    static List<String> bottlenecks(Map<String, Percentiles.Summary> steps, long thresholdMillis) {
        List<String> slow = new ArrayList<>();
        steps.forEach((name, summary) -> {
            if (summary.p95() > thresholdMillis) {
                slow.add(name);
            }
        });
        return slow;
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The short text table. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "rsp bench: %d orders, concurrency %d, %.1f s, %d error%s, %.2f completed orders/s",
                n,
                concurrency,
                elapsedSeconds,
                errors,
                errors == 1 ? "" : "s",
                throughput));
        lines.add(row("(ms)", "p50", "p95", "p99", "max", ""));
        lines.add(row("latency", latency, ""));
        steps.forEach(
                (name, summary) -> lines.add(row(name, summary, bottlenecks.contains(name) ? "  <- bottleneck" : "")));
        for (Failure failure : failures) {
            lines.add("failed " + (failure.orderId() == null ? "(no order)" : failure.orderId()) + " at "
                    + failure.step() + ": " + failure.reason() + " " + failure.message());
        }
        return lines;
    }

    private static String row(String name, Percentiles.Summary s, String note) {
        return row(
                name,
                Long.toString(s.p50()),
                Long.toString(s.p95()),
                Long.toString(s.p99()),
                Long.toString(s.max()),
                note);
    }

    private static String row(String name, String p50, String p95, String p99, String max, String note) {
        return String.format(Locale.ROOT, "  %-28s %8s %8s %8s %8s%s", name, p50, p95, p99, max, note);
    }
}
