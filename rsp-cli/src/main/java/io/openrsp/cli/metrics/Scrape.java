package io.openrsp.cli.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One reading of a service's {@code /actuator/prometheus}: its samples, or why there are none.
 *
 * @param nanoTime {@link System#nanoTime()} when the answer came
 * @param samples the samples; empty when unavailable
 * @param unavailable why the metrics could not be read (HTTP 404, 403, no connection, malformed text), else null
 */
public record Scrape(long nanoTime, List<PrometheusText.Sample> samples, String unavailable) {

    public Scrape {
        samples = List.copyOf(samples);
    }

    /** The samples of {@code exposition}, or unavailable if it is not Prometheus text. */
    public static Scrape of(long nanoTime, String exposition) {
        try {
            return new Scrape(nanoTime, PrometheusText.parse(exposition), null);
        } catch (IllegalArgumentException e) {
            return failed(nanoTime, e.getMessage());
        }
    }

    public static Scrape failed(long nanoTime, String why) {
        return new Scrape(nanoTime, List.of(), Objects.requireNonNull(why, "why"));
    }

    public boolean isAvailable() {
        return unavailable == null;
    }
}
