package io.openrsp.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void betweenWhenCountersGrewThenDeltasGroupedByTheTrackedLabels() {
        Scrape before = Scrape.of(0, """
                openrsp_es_calls_seconds_count{application="sm-dp",interface="ES3",function="CreateISDP",\
                role="client",outcome="executed-success"} 5
                openrsp_es5_handshakes_total{outcome="success",alert="none"} 10
                """);
        Scrape after = Scrape.of(2_000_000_000L, """
                openrsp_es_calls_seconds_count{application="sm-dp",interface="ES3",function="CreateISDP",\
                role="client",outcome="executed-success"} 25
                openrsp_es_calls_seconds_count{application="sm-dp",interface="ES3",function="CreateISDP",\
                role="client",outcome="failed"} 1
                openrsp_es5_handshakes_total{outcome="success",alert="none"} 10
                openrsp_es5_handshakes_total{outcome="failure",alert="decrypt_error"} 2
                unrelated_total 99
                """);

        ServiceMetrics metrics = ServiceMetrics.between("sm-dp-service", before, after);

        assertThat(metrics.isAvailable()).isTrue();
        assertThat(metrics.seconds()).isEqualTo(2.0);
        assertThat(metrics.deltas())
                .containsExactly(
                        new ServiceMetrics.Delta(
                                "openrsp_es_calls_seconds_count",
                                Map.of(
                                        "interface", "ES3",
                                        "function", "CreateISDP",
                                        "role", "client",
                                        "outcome", "executed-success"),
                                20),
                        new ServiceMetrics.Delta(
                                "openrsp_es_calls_seconds_count",
                                Map.of(
                                        "interface",
                                        "ES3",
                                        "function",
                                        "CreateISDP",
                                        "role",
                                        "client",
                                        "outcome",
                                        "failed"),
                                1),
                        new ServiceMetrics.Delta(
                                "openrsp_es5_handshakes_total",
                                Map.of("outcome", "failure", "alert", "decrypt_error"),
                                2));
    }

    @Test
    void betweenWhenSeriesDifferOnlyInUntrackedLabelsThenSummed() {
        Scrape before = Scrape.of(0, "");
        Scrape after = Scrape.of(1, """
                openrsp_smdp_orders_ended_total{outcome="completed",instance="a"} 3
                openrsp_smdp_orders_ended_total{outcome="completed",instance="b"} 4
                """);

        assertThat(ServiceMetrics.between("sm-dp-service", before, after).deltas())
                .containsExactly(
                        new ServiceMetrics.Delta("openrsp_smdp_orders_ended_total", Map.of("outcome", "completed"), 7));
    }

    @Test
    void betweenWhenCounterFellThenServiceRestartedAndTheValueAfterIsTheIncrease() {
        Scrape before = Scrape.of(0, "openrsp_es5_connections_rejected_total 50\n");
        Scrape after = Scrape.of(1, "openrsp_es5_connections_rejected_total 4\n");

        assertThat(ServiceMetrics.between("sm-sr-service", before, after).deltas())
                .extracting(ServiceMetrics.Delta::value)
                .containsExactly(4.0);
    }

    @Test
    void betweenWhenCpuTimeExposedThenCpuSecondsAndAverageCores() {
        Scrape before = Scrape.of(1_000_000_000L, "process_cpu_time_ns_total 1.0E9\nprocess_cpu_usage 0.9\n");
        Scrape after = Scrape.of(
                5_000_000_000L, "process_cpu_time_ns_total 7.0E9\nprocess_cpu_usage 0.7\nsystem_cpu_count 2\n");

        ServiceMetrics metrics = ServiceMetrics.between("euicc-simulator", before, after);

        assertThat(metrics.cpuSeconds()).isEqualTo(6.0);
        assertThat(metrics.averageCores()).isEqualTo(1.5);
        assertThat(metrics.processCpuUsage()).isEqualTo(0.7);
        assertThat(metrics.cpuCount()).isEqualTo(2.0);
        assertThat(metrics.deltas()).isEmpty();
    }

    @Test
    void betweenWhenOnlyCpuUsageGaugeThenNoCpuSeconds() {
        Scrape before = Scrape.of(0, "process_cpu_usage 0.1\n");
        Scrape after = Scrape.of(1, "process_cpu_usage NaN\n");

        ServiceMetrics metrics = ServiceMetrics.between("root-ca-service", before, after);

        assertThat(metrics.cpuSeconds()).isNull();
        assertThat(metrics.averageCores()).isNull();
        assertThat(metrics.processCpuUsage()).isNull();
    }

    @Test
    void betweenWhenEitherScrapeFailedThenUnavailableWithItsReason() {
        Scrape ok = Scrape.of(0, "a 1\n");
        Scrape notFound = Scrape.failed(1, "GET https://127.0.0.1:8441/actuator/prometheus answered HTTP 404");

        assertThat(ServiceMetrics.between("sm-dp-service", notFound, ok).unavailable())
                .endsWith("HTTP 404");
        assertThat(ServiceMetrics.between("sm-dp-service", ok, notFound).unavailable())
                .endsWith("HTTP 404");
        assertThat(ServiceMetrics.between("sm-dp-service", ok, notFound).deltas())
                .isEmpty();
    }

    @Test
    void scrapeWhenTextMalformedThenUnavailableNamingTheLine() {
        Scrape scrape = Scrape.of(0, "<html>not metrics</html>");

        assertThat(scrape.isAvailable()).isFalse();
        assertThat(scrape.unavailable()).startsWith("Prometheus text, line 1:");
    }
}
