package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void perSecondWhenEndsSpreadThenCountedInTheirSecondIncludingEmptyOnes() {
        List<Timeline.End> ends =
                List.of(end(0, true), end(999, true), end(1000, false), end(3500, true), end(3999, true));

        assertThat(Timeline.perSecond(ends, Duration.ofMillis(3_600)))
                .containsExactly(
                        new Timeline.Second(0, 2, 0),
                        new Timeline.Second(1, 0, 1),
                        new Timeline.Second(2, 0, 0),
                        new Timeline.Second(3, 2, 0));
    }

    @Test
    void perSecondWhenPhaseShorterThanASecondThenOneEntry() {
        assertThat(Timeline.perSecond(List.of(end(10, true)), Duration.ofMillis(40)))
                .containsExactly(new Timeline.Second(0, 1, 0));
        assertThat(Timeline.perSecond(List.of(), Duration.ZERO)).containsExactly(new Timeline.Second(0, 0, 0));
    }

    @Test
    void perSecondWhenPhaseExactlyWholeSecondsThenNoExtraSecond() {
        assertThat(Timeline.perSecond(List.of(end(2000, true)), Duration.ofSeconds(2)))
                .containsExactly(new Timeline.Second(0, 0, 0), new Timeline.Second(1, 1, 0));
    }

    private static Timeline.End end(long millis, boolean completed) {
        return new Timeline.End(Duration.ofMillis(millis), completed);
    }
}
