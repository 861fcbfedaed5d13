package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.client.Order;
import io.openrsp.cli.metrics.ServiceMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class BenchCommandTest {

    private static final String EID = "89049032000010000095380952849269";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void benchWhenNZeroThenUsageError() {
        assertThat(run("bench", "-n", "0", "-c", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("-n must be at least 1");
    }

    @Test
    void benchWhenNMissingThenUsageError() {
        assertThat(run("bench", "-c", "4")).isEqualTo(2);
        assertThat(err.toString()).contains("-n");
    }

    @Test
    void benchWhenConcurrencyZeroThenUsageError() {
        assertThat(run("bench", "-n", "10", "-c", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("-c must be between 1 and 1024");
    }

    @Test
    void benchWhenConcurrencyAboveLimitThenUsageError() {
        assertThat(run("bench", "-n", "10", "-c", "1025")).isEqualTo(2);
        assertThat(err.toString()).contains("-c must be between 1 and 1024");
    }

    @Test
    void benchWhenBasePortOutOfRangeThenUsageError() {
        assertThat(run("bench", "-n", "10", "-c", "2", "--base-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--base-port");
    }

    @Test
    void benchWhenLimitsValidButNoCredentialsThenExitOneNamingTheFile() {
        int exit = run(
                "bench",
                "-n",
                "1",
                "-c",
                "1024",
                "--pki",
                dir.toString(),
                "--out",
                dir.resolve("r").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("rsp bench: ").contains("admin.crt");
    }

    @Test
    void reportWhenOrdersEndedThenJsonHasTheShape() throws Exception {
        BenchCommand bench = bench(3, 2, 1000);
        List<BenchCommand.Outcome> outcomes = new ArrayList<>();
        outcomes.add(completed("o-1", 900, 100, 400, 500));
        outcomes.add(completed("o-2", 1100, 200, 2000, 1200));
        outcomes.add(failed("o-3", 700, 1900));

        BenchReport report = bench.report(
                Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMillis(5_432),
                Duration.ofSeconds(2),
                outcomes,
                List.of(ServiceMetrics.unavailable("sm-dp-service", "HTTP 404")));
        JsonNode json = BenchReport.JSON.readTree(report.toJson());

        assertThat(json.propertyNames())
                .containsExactly(
                        "n",
                        "concurrency",
                        "startedAt",
                        "elapsedSeconds",
                        "errors",
                        "throughput",
                        "latency",
                        "steps",
                        "bottlenecks",
                        "failures",
                        "thresholdMillis",
                        "orderPhaseSeconds",
                        "timeline",
                        "latencyHistogram",
                        "services",
                        "diagnosis",
                        "environment");
        assertThat(json.get("n").asInt()).isEqualTo(3);
        assertThat(json.get("concurrency").asInt()).isEqualTo(2);
        assertThat(json.get("startedAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.get("elapsedSeconds").asDouble()).isEqualTo(5.43);
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("throughput").asDouble()).isEqualTo(1.0);
        assertThat(json.get("latency").propertyNames()).containsExactly("p50", "p95", "p99", "max");
        assertThat(json.get("latency").get("p50").asLong()).isEqualTo(900);
        assertThat(json.get("latency").get("max").asLong()).isEqualTo(1100);
        assertThat(json.get("steps").propertyNames()).containsExactly("EUICC_REGISTRATION", "PROFILE_DOWNLOAD");
        assertThat(json.get("steps").get("PROFILE_DOWNLOAD").get("p95").asLong())
                .isEqualTo(2000);
        assertThat(json.get("bottlenecks")).hasSize(1);
        assertThat(json.get("bottlenecks").get(0).asString()).isEqualTo("PROFILE_DOWNLOAD");
        JsonNode failure = json.get("failures").get(0);
        assertThat(failure.propertyNames()).containsExactly("orderId", "step", "reason", "message");
        assertThat(failure.get("orderId").asString()).isEqualTo("o-3");
        assertThat(failure.get("step").asString()).isEqualTo("PROFILE_DOWNLOAD");
        assertThat(failure.get("reason").asString()).isEqualTo("CARD_REFUSED");
        assertThat(json.get("thresholdMillis").asLong()).isEqualTo(1000);
        assertThat(json.get("orderPhaseSeconds").asDouble()).isEqualTo(2.0);
        // o-1 ended 0.5 s into the phase, o-2 at 1.2 s, o-3 (failed) at 1.9 s.
        JsonNode timeline = json.get("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).get("second").asInt()).isZero();
        assertThat(timeline.get(0).get("completed").asInt()).isEqualTo(1);
        assertThat(timeline.get(0).get("failed").asInt()).isZero();
        assertThat(timeline.get(1).get("completed").asInt()).isEqualTo(1);
        assertThat(timeline.get(1).get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("services").get(0).get("service").asString()).isEqualTo("sm-dp-service");
        assertThat(json.get("services").get(0).get("unavailable").asString()).isEqualTo("HTTP 404");
        assertThat(json.get("diagnosis").get(0).asString())
                .startsWith("1 of 3 orders failed at PROFILE_DOWNLOAD with CARD_REFUSED")
                .endsWith("see ./data/logs/euicc-simulator.log");
        assertThat(json.get("environment").get("cores").asInt()).isPositive();
        assertThat(String.join("\n", report.table()))
                .contains("latency")
                .contains("PROFILE_DOWNLOAD")
                .contains("<- bottleneck")
                .contains("diagnosis: 1 of 3 orders failed")
                .contains("sm-dp-service: metrics unavailable: HTTP 404");
    }

    @Test
    void bottlenecksWhenP95AboveThresholdThenFlaggedNotWhenEqual() {
        Map<String, Percentiles.Summary> steps = new LinkedHashMap<>();
        steps.put("A", new Percentiles.Summary(10, 5000, 6000, 7000));
        steps.put("B", new Percentiles.Summary(10, 5001, 5001, 5001));
        steps.put("C", new Percentiles.Summary(9000, 100, 9000, 9000));

        assertThat(BenchReport.bottlenecks(steps, 5000)).containsExactly("B");
    }

    @Test
    void reportWhenManyFailuresThenFirstTwentyKept() {
        BenchCommand bench = bench(30, 4, 5000);
        List<BenchCommand.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(failed("o-" + i, 10, 10));
        }

        BenchReport report =
                bench.report(Instant.now(), Duration.ofSeconds(1), Duration.ofSeconds(1), outcomes, List.of());

        assertThat(report.errors()).isEqualTo(30);
        assertThat(report.throughput()).isZero();
        assertThat(report.failures()).hasSize(20);
        assertThat(report.failures().getFirst().orderId()).isEqualTo("o-0");
        assertThat(report.diagnosis()).hasSize(1);
        assertThat(report.diagnosis().getFirst()).startsWith("30 of 30 orders failed at PROFILE_DOWNLOAD");
    }

    private static BenchCommand bench(int n, int c, long threshold) {
        BenchCommand bench = new BenchCommand();
        bench.n = n;
        bench.concurrency = c;
        bench.thresholdMillis = threshold;
        return bench;
    }

    private static BenchCommand.Outcome completed(
            String id, long latency, long registration, long download, long endedAfterMillis) {
        var order = order(
                id,
                "COMPLETED",
                List.of(
                        new Order.Step("EUICC_REGISTRATION", "DONE", registration),
                        new Order.Step("PROFILE_DOWNLOAD", "DONE", download)),
                null);
        return new BenchCommand.Outcome(id, true, latency, order, null, Duration.ofMillis(endedAfterMillis));
    }

    private static BenchCommand.Outcome failed(String id, long latency, long endedAfterMillis) {
        var failure = new Order.Failure("PROFILE_DOWNLOAD", "CARD_REFUSED", "the card said no", null);
        var order = order(
                id,
                "FAILED",
                List.of(
                        new Order.Step("EUICC_REGISTRATION", "DONE", 50L),
                        new Order.Step("PROFILE_DOWNLOAD", "FAILED", null)),
                failure);
        return new BenchCommand.Outcome(
                id,
                false,
                latency,
                order,
                new BenchReport.Failure(id, failure.step(), failure.reason(), failure.message()),
                Duration.ofMillis(endedAfterMillis));
    }

    private static Order order(String id, String state, List<Order.Step> steps, Order.Failure failure) {
        return new Order(id, "Operator-1", EID, "89001010017717638104", "demo", true, state, null, steps, failure);
    }

    private int run(String... args) {
        var cli = Rsp.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
