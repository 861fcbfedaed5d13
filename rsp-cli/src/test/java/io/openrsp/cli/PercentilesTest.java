package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentileWhenOneToHundredThenNearestRank() {
        var percentiles = new Percentiles(LongStream.rangeClosed(1, 100).toArray());

        assertThat(percentiles.summary()).isEqualTo(new Percentiles.Summary(50, 95, 99, 100));
    }

    @Test
    void percentileWhenUnsortedSmallSetThenRankRoundsUp() {
        // Sorted: 15 20 35 40 50; p30 -> rank ceil(1.5) = 2, p40 -> rank 2, p50 -> rank ceil(2.5) = 3.
        var percentiles = new Percentiles(List.of(50L, 15L, 40L, 20L, 35L));

        assertThat(percentiles.percentile(30)).isEqualTo(20);
        assertThat(percentiles.percentile(40)).isEqualTo(20);
        assertThat(percentiles.percentile(50)).isEqualTo(35);
        assertThat(percentiles.percentile(100)).isEqualTo(50);
        assertThat(percentiles.percentile(0.1)).isEqualTo(15);
    }

    @Test
    void summaryWhenOneValueThenAllEqualIt() {
        assertThat(new Percentiles(7).summary()).isEqualTo(new Percentiles.Summary(7, 7, 7, 7));
    }

    @Test
    void summaryWhenNoValuesThenZeros() {
        assertThat(new Percentiles(List.of()).summary()).isEqualTo(new Percentiles.Summary(0, 0, 0, 0));
    }

    @Test
    void percentileWhenOutOfRangeThenRefused() {
        var percentiles = new Percentiles(1, 2, 3);

        assertThatThrownBy(() -> percentiles.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percentiles.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
