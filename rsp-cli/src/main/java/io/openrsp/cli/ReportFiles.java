package io.openrsp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link BenchReport} into a directory: {@code bench.json} (the data), {@code report.html} (one
 * self-contained page), {@code report.pdf}, and two of the charts as PNG files ({@code report-latency.png},
 * {@code report-throughput.png}) to put in documents.
 */
final class ReportFiles {

    static final String JSON = "bench.json";
    static final String HTML = "report.html";
    static final String PDF = "report.pdf";
    static final String LATENCY_PNG = "report-latency.png";
    static final String THROUGHPUT_PNG = "report-throughput.png";

    /** The files written. */
    record Written(Path json, Path html, Path pdf, Path latencyPng, Path throughputPng) {}

    private ReportFiles() {}

    /** Writes the files into {@code directory}, which is made if missing; existing files are replaced. */
    static Written write(BenchReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        var written = new Written(
                directory.resolve(JSON),
                directory.resolve(HTML),
                directory.resolve(PDF),
                directory.resolve(LATENCY_PNG),
                directory.resolve(THROUGHPUT_PNG));
        Files.writeString(written.json(), report.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
        BenchCharts.Rendered charts = BenchCharts.render(report);
        Files.write(written.latencyPng(), charts.latency());
        Files.write(written.throughputPng(), charts.throughput());
        Files.writeString(written.html(), BenchHtml.page(report, charts), StandardCharsets.UTF_8);
        try (OutputStream pdf = Files.newOutputStream(written.pdf())) {
            BenchPdf.write(report, charts, pdf);
        }
        return written;
    }
}
