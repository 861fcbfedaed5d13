package io.openrsp.cli;

import io.openrsp.cli.metrics.ServiceMetrics;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bench report as one self-contained HTML page: inline CSS, the charts as inline PNG data URIs, no script, no
 * remote font or image, so it opens anywhere and can be mailed or archived alone. Every value is HTML-escaped: failure
 * messages come from the platform's services.
 */
final class BenchHtml {

    private BenchHtml() {}

    static String page(BenchReport report, BenchCharts.Rendered charts) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
                <title>rsp bench: %s</title>
                <style>
                body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                       margin: 2em auto; max-width: 62em; padding: 0 1em; color: #222; }
                h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ddd; }
                table { border-collapse: collapse; margin: .5em 0; }
                th, td { padding: .25em .8em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
                td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
                tr.bottleneck td { background: #fff1e6; }
                .flag { color: #c2410c; font-weight: bold; }
                .ok { color: #15803d; } .bad { color: #b91c1c; } .muted { color: #777; }
                img { max-width: 100%%; height: auto; display: block; margin: .5em 0; }
                code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
                </style>
                </head>
                <body>
                <h1>rsp bench: %s</h1>
                %s
                <h2>Charts</h2>
                %s
                %s
                %s
                <h2>Steps</h2>
                %s
                <h2>Service metrics over the order phase</h2>
                %s
                <h2>Failures</h2>
                %s
                <p class="muted">Written by <code>rsp bench</code>. Latency is client-side, from the DownloadProfile
                request to the order's final state; step durations are the SM-DP's. Percentiles are nearest-rank.</p>
                </body>
                </html>
                """.formatted(
                        escape(headline(report)),
                        escape(headline(report)),
                        summary(report),
                        image(charts.latency(), "Latency percentiles per step"),
                        image(charts.throughput(), "Orders ended per second"),
                        image(charts.histogram(), "End-to-end latency histogram"),
                        steps(report),
                        services(report),
                        failures(report));
    }

    /** {@code 100 orders, concurrency 8: 0 errors, 42.10 completed orders/s}. */
    static String headline(BenchReport report) {
        return String.format(
                Locale.ROOT,
                "%d orders, concurrency %d: %d error%s, %.2f completed orders/s",
                report.n(),
                report.concurrency(),
                report.errors(),
                report.errors() == 1 ? "" : "s",
                report.throughput());
    }

    private static String summary(BenchReport report) {
        BenchReport.Environment environment = report.environment();
        return keyValueTable(List.of(
                row("orders (n)", Integer.toString(report.n())),
                row("concurrency (c)", Integer.toString(report.concurrency())),
                row("completed", Integer.toString(report.completed())),
                row("errors", Integer.toString(report.errors())),
                row("throughput", String.format(Locale.ROOT, "%.2f completed orders/s", report.throughput())),
                row("order phase", String.format(Locale.ROOT, "%.2f s", report.orderPhaseSeconds())),
                row("elapsed (cards, profiles, orders)", seconds(report.elapsedSeconds())),
                row("started at", report.startedAt()),
                row(
                        "command line's JDK / cores / OS",
                        environment.jdk() + " / " + environment.cores() + " / " + environment.os()),
                row("bottleneck threshold (p95)", report.thresholdMillis() + " ms")));
    }

    private static String steps(BenchReport report) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Percentiles.Summary> step : report.steps().entrySet()) {
            boolean slow = report.bottlenecks().contains(step.getKey());
            rows.append(stepRow(step.getKey(), step.getValue(), slow));
        }
        rows.append(stepRow(BenchCharts.END_TO_END, report.latency(), false));
        String flagged = report.bottlenecks().isEmpty()
                ? "<p class=\"ok\">No step's p95 is above " + report.thresholdMillis() + " ms.</p>"
                : "<p class=\"flag\">Bottleneck" + (report.bottlenecks().size() == 1 ? "" : "s") + " (p95 above "
                        + report.thresholdMillis() + " ms): " + escape(String.join(", ", report.bottlenecks()))
                        + "</p>";
        return """
                <table>
                <tr><th>step</th><th class="num">p50 ms</th><th class="num">p95 ms</th><th class="num">p99 ms</th>\
                <th class="num">max ms</th><th></th></tr>
                %s</table>
                %s""".formatted(rows, flagged);
    }

    private static String stepRow(String name, Percentiles.Summary s, boolean slow) {
        return "<tr" + (slow ? " class=\"bottleneck\"" : "") + "><td>" + escape(name) + "</td>" + num(s.p50())
                + num(s.p95()) + num(s.p99()) + num(s.max()) + "<td>"
                + (slow ? "<span class=\"flag\">bottleneck</span>" : "") + "</td></tr>\n";
    }

    private static String services(BenchReport report) {
        if (report.services().isEmpty()) {
            return "<p class=\"muted\">No service metrics were read.</p>";
        }
        StringBuilder html = new StringBuilder();
        for (ServiceMetrics service : report.services()) {
            html.append("<h3>").append(escape(service.service())).append("</h3>\n");
            if (!service.isAvailable()) {
                html.append("<p class=\"bad\">metrics unavailable: ")
                        .append(escape(service.unavailable()))
                        .append("</p>\n");
                continue;
            }
            html.append("<p>").append(escape(BenchReport.cpu(service))).append("</p>\n");
            if (service.deltas().isEmpty()) {
                html.append("<p class=\"muted\">No tracked counter changed.</p>\n");
                continue;
            }
            StringBuilder rows = new StringBuilder();
            for (ServiceMetrics.Delta delta : service.deltas()) {
                rows.append("<tr><td class=\"mono\">")
                        .append(escape(delta.metric()))
                        .append("</td><td class=\"mono\">")
                        .append(escape(labels(delta.labels())))
                        .append("</td>")
                        .append(num(delta.value()))
                        .append("</tr>\n");
            }
            html.append("<table><tr><th>metric</th><th>labels</th><th class=\"num\">increase</th></tr>\n")
                    .append(rows)
                    .append("</table>\n");
        }
        return html.toString();
    }

    private static String failures(BenchReport report) {
        if (report.errors() == 0) {
            return "<p class=\"ok\">Every order completed.</p>";
        }
        StringBuilder html = new StringBuilder();
        if (!report.diagnosis().isEmpty()) {
            html.append("<ul>\n");
            for (String line : report.diagnosis()) {
                html.append("<li>").append(escape(line)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        StringBuilder rows = new StringBuilder();
        for (BenchReport.Failure failure : report.failures()) {
            rows.append("<tr><td class=\"mono\">")
                    .append(escape(failure.orderId() == null ? "(no order)" : failure.orderId()))
                    .append("</td><td>")
                    .append(escape(String.valueOf(failure.step())))
                    .append("</td><td>")
                    .append(escape(String.valueOf(failure.reason())))
                    .append("</td><td>")
                    .append(escape(String.valueOf(failure.message())))
                    .append("</td></tr>\n");
        }
        html.append("<table><tr><th>order</th><th>step</th><th>reason</th><th>message</th></tr>\n")
                .append(rows)
                .append("</table>\n");
        if (report.errors() > report.failures().size()) {
            html.append("<p class=\"muted\">The first ")
                    .append(report.failures().size())
                    .append(" of ")
                    .append(report.errors())
                    .append(" failures.</p>\n");
        }
        return html.toString();
    }

    private static String image(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" width=\"" + BenchCharts.WIDTH + "\" height=\"" + BenchCharts.HEIGHT
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }

    private static String keyValueTable(List<String> rows) {
        return "<table>\n" + String.join("", rows) + "</table>";
    }

    private static String row(String key, String value) {
        return "<tr><th>" + escape(key) + "</th><td>" + escape(value) + "</td></tr>\n";
    }

    private static String num(long value) {
        return "<td class=\"num\">" + value + "</td>";
    }

    private static String num(double value) {
        return "<td class=\"num\">" + escape(BenchReport.number(value)) + "</td>";
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    /** {@code interface="ES3", outcome="failed"}. */
    static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
    }

    /** {@code text} with the five HTML-significant characters as entities, for text and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
