package io.openrsp.cli;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a set of durations: the {@code p}-th percentile of {@code n} sorted values is the value
 * at rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the values measured.
 */
final class Percentiles {

    /** p50, p95, p99 and max of some values, in milliseconds; all 0 when there are none. */
    record Summary(long p50, long p95, long p99, long max) {}

    private final long[] sorted;

    Percentiles(Collection<Long> values) {
        this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    Percentiles(long... values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank {@code p}-th percentile; 0 when there are no values.
     *
     * @param p in (0, 100]
     */
    long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank, 1, sorted.length) - 1];
    }

    Summary summary() {
        return new Summary(percentile(50), percentile(95), percentile(99), percentile(100));
    }
}
