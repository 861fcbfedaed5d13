package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.client.Order;
import io.openrsp.cli.metrics.Scrape;
import io.openrsp.cli.metrics.ServiceMetrics;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The report files of a synthetic bench: 50 orders, 2 of them failed, one with a message that is HTML. */
class ReportFilesTest {

    private static final String EID = "89049032000010000095380952849269";
    private static final List<String> STEPS =
            List.of("EUICC_REGISTRATION", "ISDP_CREATION", "KEY_ESTABLISHMENT", "PROFILE_DOWNLOAD", "PROFILE_ENABLING");
    private static final String HOSTILE = "<script>alert('x')</script> & \"more\"";

    @TempDir
    static Path dir;

    static BenchReport report;
    static ReportFiles.Written written;

    @BeforeAll
    static void writeReport() throws Exception {
        BenchCommand bench = new BenchCommand();
        bench.n = 50;
        bench.concurrency = 4;
        bench.thresholdMillis = 40;
        List<BenchCommand.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            outcomes.add(completed("order-" + i, i));
        }
        outcomes.add(failed("order-48", "CARD_REFUSED", HOSTILE));
        outcomes.add(failed("order-49", "ES3_EXPIRED", "no answer \u2713 within 30 s \u2014 card asleep"));
        report = bench.report(
                Instant.parse("2026-03-04T05:06:07Z"),
                Duration.ofSeconds(9),
                Duration.ofMillis(4_200),
                outcomes,
                List.of(smdpMetrics(), ServiceMetrics.unavailable("sm-sr-service", "GET ... answered HTTP 404")));
        written = ReportFiles.write(report, dir.resolve("out"));
    }

    @Test
    void writeWhenReportThenJsonHasErrorsThroughputStepsAndTimeline() throws Exception {
        JsonNode json = BenchReport.JSON.readTree(Files.readString(written.json()));

        assertThat(json.get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("throughput").asDouble())
                .isEqualTo(report.throughput())
                .isEqualTo(11.43);
        assertThat(json.get("steps").propertyNames()).containsExactlyElementsOf(STEPS);
        // 20..41 twice and 42..45 once: the 46th of 48 (nearest rank of p95) is 43.
        assertThat(json.get("steps").get("PROFILE_DOWNLOAD").get("p95").asLong())
                .isEqualTo(43);
        assertThat(json.get("bottlenecks").get(0).asString()).isEqualTo("PROFILE_DOWNLOAD");
        assertThat(json.get("timeline")).hasSize(5);
        int completed = 0;
        int failed = 0;
        for (JsonNode second : json.get("timeline")) {
            completed += second.get("completed").asInt();
            failed += second.get("failed").asInt();
        }
        assertThat(completed).isEqualTo(48);
        assertThat(failed).isEqualTo(2);
        assertThat(json.get("services").get(0).get("cpuSeconds").asDouble()).isEqualTo(3.5);
        // Latencies 60..107 and 120: width 5 ms from (55, 60] to (115, 120].
        assertThat(json.get("latencyHistogram")).hasSize(13);
        assertThat(json.get("latencyHistogram").get(0).get("upToMillis").asLong())
                .isEqualTo(60);
    }

    @Test
    void writeWhenFailureMessageIsHtmlThenThePageShowsItEscaped() throws Exception {
        String html = Files.readString(written.html(), StandardCharsets.UTF_8);

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                .doesNotContain("<script")
                .doesNotContain(HOSTILE);
        assertThat(html).contains(STEPS.toArray(String[]::new)).contains("end-to-end");
        assertThat(html).contains("data:image/png;base64,");
        assertThat(html).contains("bottleneck");
        assertThat(html).contains("metrics unavailable: GET ... answered HTTP 404");
        assertThat(html).contains("openrsp_smdp_orders_ended_total").contains("outcome=&quot;completed&quot;");
        assertThat(html).contains("1 of 50 orders failed at PROFILE_DOWNLOAD with CARD_REFUSED");
        // Self-contained: nothing fetched from elsewhere.
        assertThat(html)
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http")
                .doesNotContain("<link");
    }

    @Test
    void writeWhenReportThenPdfHoldsTheTablesAndThroughput() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(written.pdf().toFile())) {
            // Cells wrap: a line break in the text is a space in the cell.
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");

            assertThat(text).contains("p95").contains("p99");
            assertThat(text).contains(STEPS.toArray(String[]::new));
            assertThat(text).contains(String.format(Locale.ROOT, "%.2f completed orders/s", report.throughput()));
            assertThat(text).contains("11.43");
            assertThat(text).contains("bottleneck");
            assertThat(text).contains("metrics unavailable: GET ... answered HTTP 404");
            assertThat(text).contains("<script>alert('x')</script>");
            // Not WinAnsi: replaced, not failed.
            assertThat(text).contains("no answer ? within 30 s - card asleep");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void writeWhenReportThenChartsArePngFilesOfTheChartSize() throws Exception {
        for (Path png : List.of(written.latencyPng(), written.throughputPng())) {
            BufferedImage image = ImageIO.read(png.toFile());

            assertThat(image.getWidth()).isEqualTo(BenchCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(BenchCharts.HEIGHT);
            assertThat(Files.size(png)).isLessThan(100_000);
        }
    }

    private static BenchCommand.Outcome completed(String id, int i) {
        List<Order.Step> steps = new ArrayList<>();
        for (int s = 0; s < STEPS.size(); s++) {
            // PROFILE_DOWNLOAD takes 20 + (i % 26) ms, above the 40 ms threshold at p95; the others 2 to 6 ms.
            long millis = STEPS.get(s).equals("PROFILE_DOWNLOAD") ? 20 + (i % 26) : 2 + s;
            steps.add(new Order.Step(STEPS.get(s), "DONE", millis));
        }
        var order =
                new Order(id, "Operator-1", EID, "89001010017717638104", "demo", true, "COMPLETED", null, steps, null);
        return new BenchCommand.Outcome(id, true, 60 + i, order, null, Duration.ofMillis(80L * i + 50));
    }

    private static BenchCommand.Outcome failed(String id, String reason, String message) {
        var failure = new Order.Failure("PROFILE_DOWNLOAD", reason, message, null);
        var order = new Order(
                id,
                "Operator-1",
                EID,
                "89001010017717638104",
                "demo",
                true,
                "FAILED",
                null,
                List.of(
                        new Order.Step("EUICC_REGISTRATION", "DONE", 2L),
                        new Order.Step("PROFILE_DOWNLOAD", "FAILED", null)),
                failure);
        return new BenchCommand.Outcome(
                id,
                false,
                120,
                order,
                new BenchReport.Failure(id, failure.step(), reason, message),
                Duration.ofMillis(4_100));
    }

    private static ServiceMetrics smdpMetrics() {
        Scrape before = Scrape.of(1_000_000_000L, """
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total 2.0E9
                openrsp_smdp_orders_ended_total{outcome="completed"} 10.0
                """);
        Scrape after = Scrape.of(5_200_000_000L, """
                process_cpu_time_ns_total 5.5E9
                process_cpu_usage 0.42
                system_cpu_count 2.0
                openrsp_smdp_orders_ended_total{outcome="completed"} 58.0
                openrsp_smdp_orders_ended_total{outcome="failed"} 2.0
                """);
        return ServiceMetrics.between("sm-dp-service", before, after);
    }
}
