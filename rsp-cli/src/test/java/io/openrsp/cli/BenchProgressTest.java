package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchProgressTest {

    @Test
    void linesWhenNotATerminalThenOnePlainLineAtEveryTenPercent() {
        var out = new StringWriter();
        try (BenchProgress progress = BenchProgress.lines(new PrintWriter(out), 20)) {
            for (int i = 0; i < 20; i++) {
                progress.ended(i % 10 != 9);
            }
        }

        String[] lines = out.toString().split(System.lineSeparator());
        assertThat(lines).hasSize(10);
        assertThat(lines[0])
                .startsWith("orders: 2/20 ended (2 completed, 0 failed), ")
                .endsWith("/s");
        assertThat(lines[9]).startsWith("orders: 20/20 ended (18 completed, 2 failed), ");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void linesWhenFewOrdersThenALineForEachDecileReached() {
        var out = new StringWriter();
        try (BenchProgress progress = BenchProgress.lines(new PrintWriter(out), 3)) {
            progress.ended(true);
            progress.ended(false);
            progress.ended(true);
        }

        assertThat(out.toString().split(System.lineSeparator()))
                .extracting(line -> line.substring(0, line.indexOf(')') + 1))
                .containsExactly(
                        "orders: 1/3 ended (1 completed, 0 failed)",
                        "orders: 2/3 ended (1 completed, 1 failed)",
                        "orders: 3/3 ended (2 completed, 1 failed)");
    }

    @Test
    void barWhenTerminalThenRedrawnInPlaceWithCountsAndRate() {
        var bytes = new ByteArrayOutputStream();
        try (BenchProgress progress = BenchProgress.bar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100, 4)) {
            progress.ended(true);
            progress.ended(true);
            progress.ended(false);
            progress.ended(true);
        }

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r").contains("orders").contains("4/4").contains("/s");
        // The last drawing, after close, holds the final counts.
        String last = drawn.substring(drawn.lastIndexOf('\r'));
        assertThat(last).contains("3 completed, 1 failed");
        assertThat(drawn).endsWith(System.lineSeparator());
    }
}
