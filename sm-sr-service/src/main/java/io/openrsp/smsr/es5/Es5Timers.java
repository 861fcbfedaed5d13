package io.openrsp.smsr.es5;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The ES5 time-outs (command deadlines, handshake and read guards, delayed pushes) on one small timer thread. Tasks
 * only flip state or close a socket; anything slower is handed to a virtual thread by the caller. Not a
 * {@code ScheduledExecutorService} bean on purpose: Spring's {@code @Scheduled} support would pick that up.
 */
final class Es5Timers implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    Es5Timers() {
        executor = new ScheduledThreadPoolExecutor(
                1,
                runnable -> Thread.ofPlatform().name("es5-timers").daemon(true).unstarted(runnable));
        executor.setRemoveOnCancelPolicy(true);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
