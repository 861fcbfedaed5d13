package io.openrsp.smsr.es5;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * DESIGN.md §8: the ES5 listener's metrics. {@code openrsp.es5.handshakes} counts PSK-TLS handshakes by
 * {@code outcome} ({@code success} / {@code failure}) and {@code alert} (the TLS alert that ended a failed one,
 * {@code timeout} or {@code io}); {@code openrsp.es5.connections.rejected} counts connections closed at once because
 * {@code max-sessions} were open; gauges give open connections and queued scripts.
 */
final class Es5Metrics {

    private final MeterRegistry registry;
    private final Counter handshakeSuccess;
    private final Counter rejected;

    Es5Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.handshakeSuccess = Counter.builder("openrsp.es5.handshakes")
                .tag("outcome", "success")
                .tag("alert", "none")
                .register(registry);
        this.rejected = Counter.builder("openrsp.es5.connections.rejected").register(registry);
    }

    void handshakeSucceeded() {
        handshakeSuccess.increment();
    }

    void handshakeFailed(String alert) {
        Counter.builder("openrsp.es5.handshakes")
                .tag("outcome", "failure")
                .tag("alert", alert)
                .register(registry)
                .increment();
    }

    void connectionRejected() {
        rejected.increment();
    }

    void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }

    /** Count of handshakes that failed with {@code alert}, for tests and the log. */
    double handshakeFailures(String alert) {
        Counter counter = registry.find("openrsp.es5.handshakes")
                .tag("outcome", "failure")
                .tag("alert", alert)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    double handshakeSuccesses() {
        return handshakeSuccess.count();
    }
}
