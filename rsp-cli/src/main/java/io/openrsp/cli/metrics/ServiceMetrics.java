package io.openrsp.cli.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one service's own metrics say happened during the order phase: the change of a few counters the platform
 * agrees on (ES calls, ended orders, ES5 handshakes) and the CPU the service used, from two {@link Scrape}s, one
 * before and one after the phase. A counter that is absent before and present after started during the phase
 * (Micrometer registers a tagged counter at its first increment), so it counts from 0. A counter lower after than
 * before means the service restarted; as Prometheus's {@code increase()} does, the value after is taken as the
 * increase.
 *
 * @param service the service's module name
 * @param unavailable why the metrics could not be read ("HTTP 404 ...", "HTTP 403 ..."), else null
 * @param seconds the time between the two scrapes
 * @param cpuSeconds CPU time the service's process used between the scrapes, from {@code process_cpu_time_ns_total}
 *     (Micrometer's {@code process.cpu.time}); null when the service does not expose it
 * @param processCpuUsage the {@code process_cpu_usage} gauge after the phase: the JVM's recent CPU load of the process
 *     as a share of all the host's cores (0 to 1), a moment's reading, not an average over the phase; null if absent
 * @param cpuCount the {@code system_cpu_count} gauge (the cores the service sees), null if absent
 * @param deltas the changes of the tracked counters, only those that changed, in {@link #TRACKED} order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceMetrics(
        String service,
        String unavailable,
        Double seconds,
        Double cpuSeconds,
        Double processCpuUsage,
        Double cpuCount,
        List<Delta> deltas) {

    /** A counter tracked across the phase, summed over every label but {@code by}. */
    public record Tracked(String name, List<String> by) {}

    /** The counters tracked (their Prometheus names, see the platform's metric names). */
    public static final List<Tracked> TRACKED = List.of(
            new Tracked("openrsp_smdp_orders_ended_total", List.of("outcome")),
            new Tracked("openrsp_es_calls_seconds_count", List.of("interface", "function", "role", "outcome")),
            new Tracked("openrsp_es5_handshakes_total", List.of("outcome", "alert")),
            new Tracked("openrsp_es5_connections_rejected_total", List.of()));

    static final String CPU_TIME = "process_cpu_time_ns_total";
    static final String CPU_USAGE = "process_cpu_usage";
    static final String CPU_COUNT = "system_cpu_count";

    /**
     * The change of one counter.
     *
     * @param metric its Prometheus name
     * @param labels the labels it is grouped by
     * @param value after minus before
     */
    public record Delta(String metric, Map<String, String> labels, double value) {

        public Delta {
            Objects.requireNonNull(metric, "metric");
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    public ServiceMetrics {
        Objects.requireNonNull(service, "service");
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }

    /** The metrics of {@code service} between {@code before} and {@code after}. */
    public static ServiceMetrics between(String service, Scrape before, Scrape after) {
        if (!before.isAvailable()) {
            return unavailable(service, before.unavailable());
        }
        if (!after.isAvailable()) {
            return unavailable(service, after.unavailable());
        }
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        List<Delta> deltas = new ArrayList<>();
        for (Tracked tracked : TRACKED) {
            Map<Map<String, String>, Double> was = sums(before, tracked);
            sums(after, tracked).forEach((labels, now) -> {
                double increase = increase(was.getOrDefault(labels, 0.0), now);
                if (increase != 0) {
                    deltas.add(new Delta(tracked.name(), labels, increase));
                }
            });
        }
        Double cpuTimeBefore = single(before, CPU_TIME);
        Double cpuTimeAfter = single(after, CPU_TIME);
        Double cpuSeconds =
                cpuTimeBefore == null || cpuTimeAfter == null ? null : increase(cpuTimeBefore, cpuTimeAfter) / 1e9;
        return new ServiceMetrics(
                service, null, seconds, cpuSeconds, single(after, CPU_USAGE), single(after, CPU_COUNT), deltas);
    }

    public static ServiceMetrics unavailable(String service, String why) {
        return new ServiceMetrics(service, Objects.requireNonNull(why, "why"), null, null, null, null, List.of());
    }

    @JsonIgnore
    public boolean isAvailable() {
        return unavailable == null;
    }

    /** {@code cpuSeconds / seconds}: the cores the service kept busy on average, null when unknown. */
    public Double averageCores() {
        return cpuSeconds == null || seconds == null || seconds <= 0 ? null : cpuSeconds / seconds;
    }

    private static Map<Map<String, String>, Double> sums(Scrape scrape, Tracked tracked) {
        Map<Map<String, String>, Double> sums = new LinkedHashMap<>();
        for (PrometheusText.Sample sample : scrape.samples()) {
            if (sample.name().equals(tracked.name()) && Double.isFinite(sample.value())) {
                Map<String, String> key = new LinkedHashMap<>();
                for (String label : tracked.by()) {
                    key.put(label, sample.labels().getOrDefault(label, ""));
                }
                sums.merge(key, sample.value(), Double::sum);
            }
        }
        return sums;
    }

    /** The value of the metric {@code name}, summed over its series; null when absent or not finite. */
    private static Double single(Scrape scrape, String name) {
        Double sum = null;
        for (PrometheusText.Sample sample : scrape.samples()) {
            if (sample.name().equals(name) && Double.isFinite(sample.value())) {
                sum = sum == null ? sample.value() : sum + sample.value();
            }
        }
        return sum;
    }

    private static double increase(double before, double after) {
        return after >= before ? after - before : after;
    }
}
