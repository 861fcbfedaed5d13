package io.openrsp.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How the end-to-end latencies spread: counts in equal-width buckets from the fastest order to the slowest, about
 * {@value #TARGET_BUCKETS} of them, the width a round number of milliseconds (1, 2 or 5 times a power of ten) so the
 * bounds read well.
 */
final class LatencyHistogram {

    static final int TARGET_BUCKETS = 15;

    /**
     * One bucket: the latencies above {@code aboveMillis} and up to {@code upToMillis} (a first bucket starting at 0
     * also holds 0).
     *
     * @param aboveMillis exclusive lower bound
     * @param upToMillis inclusive upper bound
     * @param count orders in it
     */
    record Bucket(long aboveMillis, long upToMillis, int count) {}

    private LatencyHistogram() {}

    /** The buckets of {@code latencies} (ms); none when there are none. */
    static List<Bucket> of(Collection<Long> latencies) {
        if (latencies.isEmpty()) {
            return List.of();
        }
        long min = latencies.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        long width = roundWidth(Math.max(1, (max - min + TARGET_BUCKETS - 1) / TARGET_BUCKETS));
        // The first bucket is the one holding min: (start, start + width].
        long start = Math.max(0, Math.ceilDiv(min, width) * width - width);
        int size = (int) Math.max(1, Math.ceilDiv(max - start, width));
        int[] counts = new int[size];
        for (long latency : latencies) {
            counts[Math.clamp(Math.ceilDiv(latency - start, width) - 1, 0, size - 1)]++;
        }
        List<Bucket> buckets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            buckets.add(new Bucket(start + i * width, start + (i + 1) * width, counts[i]));
        }
        return List.copyOf(buckets);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code raw}. */
    static long roundWidth(long raw) {
        for (long decade = 1; ; decade *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * decade >= raw) {
                    return step * decade;
                }
            }
        }
    }
}
