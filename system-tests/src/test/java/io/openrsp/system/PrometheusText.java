package io.openrsp.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scrape of {@code /actuator/prometheus}, parsed by the CLI's reader of the Prometheus text format
 * ({@link io.openrsp.cli.metrics.PrometheusText}, which refuses a line that does not parse, naming it), with the
 * queries the system tests ask of it.
 */
final class PrometheusText {

    /** One sample: the metric name, its labels in order, its value. */
    record Sample(String name, Map<String, String> labels, double value) {

        /** Whether every one of {@code wanted} is among this sample's labels with the same value. */
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusText parse(String text) {
        return new PrometheusText(io.openrsp.cli.metrics.PrometheusText.parse(text).stream()
                .map(s -> new Sample(s.name(), s.labels(), s.value()))
                .toList());
    }

    /** The samples named {@code name} whose labels include {@code labels} (name, value, name, value...). */
    List<Sample> samples(String name, String... labels) {
        Map<String, String> wanted = labels(labels);
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(wanted))
                .toList();
    }

    /** The sum of the values of {@link #samples}; 0 when there is none. */
    double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Every sample, for a failure message. */
    List<Sample> all() {
        return samples;
    }

    private static Map<String, String> labels(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
