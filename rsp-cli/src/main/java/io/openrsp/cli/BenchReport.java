package io.openrsp.cli;

import io.openrsp.cli.metrics.ServiceMetrics;
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
 * @param thresholdMillis the p95 above which a step is a bottleneck
 * @param orderPhaseSeconds the order phase, which {@code throughput} and {@code timeline} cover
 * @param timeline orders ended in each second of the order phase
 * @param latencyHistogram how the client-side latencies spread
 * @param services each service's metrics over the order phase, or why they could not be read
 * @param diagnosis one line per kind of failure, over all failures
 * @param environment where the bench ran
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
        List<Failure> failures,
        long thresholdMillis,
        double orderPhaseSeconds,
        List<Timeline.Second> timeline,
        List<LatencyHistogram.Bucket> latencyHistogram,
        List<ServiceMetrics> services,
        List<String> diagnosis,
        Environment environment) {

    static final int MAX_FAILURES = 20;

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One failed order; {@code orderId} is null when no order was placed. */
    record Failure(String orderId, String step, String reason, String message) {}

    /**
     * The machine the command line ran on (usually the platform's too).
     *
     * @param jdk the Java runtime's version
     * @param cores the processors available to the command line's JVM
     * @param os the operating system and architecture
     */
    record Environment(String jdk, int cores, String os) {

        static Environment current() {
            return new Environment(
                    Runtime.version().toString(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    BenchReport {
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        bottlenecks = List.copyOf(bottlenecks);
        failures = List.copyOf(failures.subList(0, Math.min(failures.size(), MAX_FAILURES)));
        timeline = List.copyOf(timeline);
        latencyHistogram = List.copyOf(latencyHistogram);
        services = List.copyOf(services);
        diagnosis = List.copyOf(diagnosis);
    }

    /** Orders that completed. */
    int completed() {
        return n - errors;
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

    /** A counter's value: whole numbers without decimals. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** What a service's CPU metrics say, labelled with where each figure comes from. */
    static String cpu(ServiceMetrics service) {
        List<String> parts = new ArrayList<>();
        if (service.cpuSeconds() != null) {
            parts.add(String.format(
                    Locale.ROOT,
                    "CPU %.2f s in %.2f s between the scrapes, %.2f cores on average (process_cpu_time)",
                    service.cpuSeconds(),
                    service.seconds(),
                    service.averageCores()));
        }
        if (service.processCpuUsage() != null) {
            String cores = service.cpuCount() == null ? "all cores" : "all " + number(service.cpuCount()) + " cores";
            parts.add(String.format(
                    Locale.ROOT,
                    "process_cpu_usage after the phase %.2f of %s (a recent reading, not an average)",
                    service.processCpuUsage(),
                    cores));
        }
        return parts.isEmpty()
                ? "CPU: not exposed (no process_cpu_time_ns_total nor process_cpu_usage)"
                : String.join("; ", parts);
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
        diagnosis.forEach(line -> lines.add("diagnosis: " + line));
        for (ServiceMetrics service : services) {
            if (!service.isAvailable()) {
                lines.add(service.service() + ": metrics unavailable: " + service.unavailable());
            }
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
