package io.openrsp.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalInt;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * The order phase's progress on stderr, with completed and failed counts and the rate. On a terminal a progress bar
 * (me.tongfei:progressbar) redrawn in place; otherwise (redirected, CI) a plain line at every 10 % of the orders, so a
 * log holds no carriage-return redraws.
 */
final class BenchProgress implements AutoCloseable {

    private static final int REDRAW_MILLIS = 250;
    private static final int DEFAULT_WIDTH = 80;

    private final PrintWriter lines;
    private final ProgressBar bar;
    private final LastByte barOutput;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int completed;
    private int failed;
    private int lastDecile;

    private BenchProgress(PrintWriter lines, ProgressBar bar, LastByte barOutput, int total) {
        this.lines = lines;
        this.bar = bar;
        this.barOutput = barOutput;
        this.total = total;
    }

    /** A progress bar on {@code terminal}, {@code width} columns wide. */
    static BenchProgress bar(PrintStream terminal, int width, int total) {
        LastByte output = new LastByte(terminal);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("orders")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new ConsoleProgressBarConsumer(
                        new PrintStream(output, true, StandardCharsets.UTF_8), width - 1))
                .build();
        return new BenchProgress(null, bar, output, total);
    }

    /** Plain lines on {@code out}, one at every 10 % of {@code total}. */
    static BenchProgress lines(PrintWriter out, int total) {
        return new BenchProgress(out, null, null, total);
    }

    /** A bar on stderr when it is a terminal, else plain lines on {@code err}. */
    static BenchProgress onStderr(PrintWriter err, int total) {
        OptionalInt width = stderrTerminalWidth();
        if (width.isPresent()) {
            err.flush();
            return bar(System.err, width.getAsInt(), total);
        }
        return lines(err, total);
    }

    /** One order ended. */
    synchronized void ended(boolean ok) {
        if (ok) {
            completed++;
        } else {
            failed++;
        }
        if (bar != null) {
            bar.setExtraMessage(" " + counts());
            bar.step();
            return;
        }
        int decile = (int) ((completed + failed) * 10L / total);
        if (decile > lastDecile) {
            lastDecile = decile;
            lines.println(line());
            lines.flush();
        }
    }

    /** {@code orders: 50/100 ended (49 completed, 1 failed), 12.3/s}. */
    synchronized String line() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        int ended = completed + failed;
        return String.format(
                Locale.ROOT,
                "orders: %d/%d ended (%s), %.1f/s",
                ended,
                total,
                counts(),
                seconds > 0 ? ended / seconds : 0.0);
    }

    private String counts() {
        return completed + " completed, " + failed + " failed";
    }

    /** Draws the bar a last time and ends its line. */
    @Override
    public void close() {
        if (bar != null) {
            // The library ends the line only if its first scheduled redraw has run; a short bench may end sooner.
            // Its single drawing thread has finished once close() returns, so the check below races with nothing.
            bar.close();
            barOutput.endLine();
        }
    }

    /** The bar's output, remembering whether the last byte written ended a line. */
    private static final class LastByte extends FilterOutputStream {
        private volatile int last = '\n';

        LastByte(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            last = b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (length > 0) {
                last = bytes[offset + length - 1];
            }
        }

        void endLine() {
            if (last != '\n') {
                try {
                    write(System.lineSeparator().getBytes(StandardCharsets.US_ASCII));
                    flush();
                } catch (IOException e) {
                    // stderr is gone: nothing to end
                }
            }
        }
    }

    /**
     * The width of the terminal that stderr is, or empty when stderr is not a terminal. Asks JLine's exec provider
     * ({@code test -t 2}, {@code stty -a}): it needs no native code, so newer JDKs print no native-access warning.
     */
    static OptionalInt stderrTerminalWidth() {
        if (System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
            return OptionalInt.empty();
        }
        try {
            TerminalProvider exec = TerminalProvider.load("exec");
            if (!exec.isSystemStream(SystemStream.Error)) {
                return OptionalInt.empty();
            }
            int width = exec.systemStreamWidth(SystemStream.Error);
            return OptionalInt.of(width >= 20 ? width : DEFAULT_WIDTH);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
