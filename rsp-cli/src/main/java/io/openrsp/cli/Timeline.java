package io.openrsp.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput over time: how many orders ended in each second of the order phase, by outcome, from the instants the
 * client saw them end. Second {@code i} covers {@code [i, i + 1)} s after the phase began; the last one may be partial.
 */
final class Timeline {

    /**
     * One second of the order phase.
     *
     * @param second seconds since the order phase began
     * @param completed orders that completed in it
     * @param failed orders that failed in it (refused, timed out, card not registered)
     */
    record Second(int second, int completed, int failed) {}

    /** An order's end, as the client saw it. */
    record End(Duration after, boolean completed) {}

    private Timeline() {}

    /**
     * One entry per second of {@code phase} (at least one), in order; an end at or after the phase's end counts in
     * the last second.
     */
    static List<Second> perSecond(List<End> ends, Duration phase) {
        int seconds = (int) Math.max(1, (phase.toNanos() + 999_999_999L) / 1_000_000_000L);
        int[] completed = new int[seconds];
        int[] failed = new int[seconds];
        for (End end : ends) {
            int second = Math.clamp(end.after().toSeconds(), 0, seconds - 1);
            if (end.completed()) {
                completed[second]++;
            } else {
                failed[second]++;
            }
        }
        List<Second> timeline = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            timeline.add(new Second(i, completed[i], failed[i]));
        }
        return List.copyOf(timeline);
    }
}
