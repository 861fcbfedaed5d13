package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void ofWhenLatenciesSpreadThenRoundWidthBucketsFromFastestToSlowest() {
        // Range 588..1800: 1212 / 15 -> 81 -> width 100, from (500, 600] to (1700, 1800].
        List<LatencyHistogram.Bucket> buckets = LatencyHistogram.of(List.of(588L, 600L, 601L, 1200L, 1800L));

        assertThat(buckets).hasSize(13);
        assertThat(buckets.getFirst()).isEqualTo(new LatencyHistogram.Bucket(500, 600, 2));
        assertThat(buckets.get(1)).isEqualTo(new LatencyHistogram.Bucket(600, 700, 1));
        assertThat(buckets.get(6)).isEqualTo(new LatencyHistogram.Bucket(1100, 1200, 1));
        assertThat(buckets.getLast()).isEqualTo(new LatencyHistogram.Bucket(1700, 1800, 1));
        assertThat(buckets).extracting(LatencyHistogram.Bucket::count).containsOnly(0, 1, 2);
    }

    @Test
    void ofWhenManyLatenciesThenEveryOneCountedOnce() {
        List<Long> latencies = LongStream.rangeClosed(1, 1000).boxed().toList();

        List<LatencyHistogram.Bucket> buckets = LatencyHistogram.of(latencies);

        assertThat(buckets).extracting(LatencyHistogram.Bucket::count).containsOnly(100);
        assertThat(buckets.stream().mapToInt(LatencyHistogram.Bucket::count).sum())
                .isEqualTo(1000);
        assertThat(buckets.getFirst().aboveMillis()).isZero();
        assertThat(buckets.getLast().upToMillis()).isEqualTo(1000);
    }

    @Test
    void ofWhenAllEqualThenOneBucketHoldingThem() {
        assertThat(LatencyHistogram.of(List.of(7L, 7L, 7L))).containsExactly(new LatencyHistogram.Bucket(6, 7, 3));
    }

    @Test
    void ofWhenZeroThenFirstBucketFromZero() {
        assertThat(LatencyHistogram.of(List.of(0L, 1L, 2L)))
                .containsExactly(new LatencyHistogram.Bucket(0, 1, 2), new LatencyHistogram.Bucket(1, 2, 1));
    }

    @Test
    void roundWidthWhenRawThenNextOneTwoFive() {
        assertThat(List.of(1L, 2L, 3L, 6L, 11L, 81L, 200L, 201L))
                .map(LatencyHistogram::roundWidth)
                .containsExactly(1L, 2L, 5L, 10L, 20L, 100L, 200L, 500L);
    }

    @Test
    void ofWhenNoLatenciesThenNoBuckets() {
        assertThat(LatencyHistogram.of(List.of())).isEmpty();
    }
}
