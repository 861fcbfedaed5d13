package io.openrsp.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a {@link BenchReport}, drawn with JFreeChart off screen (headless): per-step latency percentiles,
 * orders ended per second, and the latency histogram. Each is rendered to a PNG, which the HTML page embeds, the PDF
 * draws, and the bench also writes as a file.
 */
final class BenchCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 360;

    /** What the end-to-end latency is called on the charts and in the tables. */
    static final String END_TO_END = "end-to-end";

    private static final Color P50 = new Color(0x9E, 0xCA, 0xE1);
    private static final Color P95 = new Color(0x42, 0x92, 0xC6);
    private static final Color P99 = new Color(0x08, 0x45, 0x94);
    private static final Color COMPLETED = new Color(0x2C, 0xA0, 0x2C);
    private static final Color FAILED = new Color(0xD6, 0x27, 0x28);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color THRESHOLD = new Color(0xE6, 0x55, 0x0D);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    static {
        // Charts are drawn into images only; no display is needed (or present on a server, in CI).
        System.setProperty("java.awt.headless", "true");
    }

    /** The charts as PNG images. */
    record Rendered(byte[] latency, byte[] throughput, byte[] histogram) {}

    private BenchCharts() {}

    static Rendered render(BenchReport report) {
        return new Rendered(png(latency(report)), png(throughput(report)), png(histogram(report)));
    }

    /** p50, p95 and p99 of each step and of the end-to-end latency, in ms; the threshold when a step crosses it. */
    static JFreeChart latency(BenchReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Percentiles.Summary> step : report.steps().entrySet()) {
            // Spaces, not underscores, so a long step name wraps between its words under the bars.
            add(data, step.getKey().replace('_', ' '), step.getValue());
        }
        add(data, END_TO_END, report.latency());
        JFreeChart chart = styled(
                "Latency percentiles per step (ms)",
                ChartFactory.createBarChart(null, null, "ms", data, PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setSeriesPaint(0, P50);
        renderer.setSeriesPaint(1, P95);
        renderer.setSeriesPaint(2, P99);
        CategoryAxis steps = plot.getDomainAxis();
        steps.setMaximumCategoryLabelLines(2);
        steps.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        if (!report.bottlenecks().isEmpty()) {
            ValueMarker threshold =
                    new ValueMarker(report.thresholdMillis(), THRESHOLD, new BasicStroke(1.5f), THRESHOLD, null, 1f);
            threshold.setLabel("bottleneck threshold " + report.thresholdMillis() + " ms");
            threshold.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            threshold.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            threshold.setLabelBackgroundColor(LABEL_BACKGROUND);
            plot.addRangeMarker(threshold);
        }
        plot.setNoDataMessage("no order reached a final state");
        return chart;
    }

    /** Completed and failed orders in each second of the order phase, with the mean throughput. */
    static JFreeChart throughput(BenchReport report) {
        XYSeries completed = new XYSeries("completed");
        XYSeries failed = new XYSeries("failed");
        for (Timeline.Second second : report.timeline()) {
            completed.add(second.second(), second.completed());
            failed.add(second.second(), second.failed());
        }
        XYSeriesCollection data = new XYSeriesCollection(completed);
        data.addSeries(failed);
        JFreeChart chart = styled(
                "Orders ended per second",
                ChartFactory.createXYLineChart(
                        null,
                        "seconds since the orders began",
                        "orders in that second",
                        data,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer =
                new XYLineAndShapeRenderer(true, report.timeline().size() <= 60);
        renderer.setSeriesPaint(0, COMPLETED);
        renderer.setSeriesPaint(1, FAILED);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueMarker mean = new ValueMarker(report.throughput(), COMPLETED.darker(), dashed(), null, null, 1f);
        mean.setLabel(String.format(Locale.ROOT, "mean %.2f completed/s", report.throughput()));
        mean.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        mean.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        mean.setLabelBackgroundColor(LABEL_BACKGROUND);
        plot.addRangeMarker(mean);
        return chart;
    }

    /** How many orders fell in each latency bucket. */
    static JFreeChart histogram(BenchReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LatencyHistogram.Bucket bucket : report.latencyHistogram()) {
            data.addValue(bucket.count(), "orders", bucket.aboveMillis() + "-" + bucket.upToMillis());
        }
        JFreeChart chart = styled(
                "End-to-end latency histogram (ms)",
                ChartFactory.createBarChart(null, "ms", "orders", data, PlotOrientation.VERTICAL, false, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, P95);
        renderer.setItemMargin(0);
        plot.getDomainAxis().setCategoryMargin(0.1);
        if (report.latencyHistogram().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setNoDataMessage("no order reached a final state");
        return chart;
    }

    /** {@code chart} as a PNG of {@link #WIDTH} by {@link #HEIGHT} pixels. */
    static byte[] png(JFreeChart chart) {
        var bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        return bytes.toByteArray();
    }

    private static void add(DefaultCategoryDataset data, String column, Percentiles.Summary summary) {
        data.addValue(summary.p50(), "p50", column);
        data.addValue(summary.p95(), "p95", column);
        data.addValue(summary.p99(), "p99", column);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** {@code chart} with the look the charts share (white, light grid, sans-serif) and {@code title}. */
    private static JFreeChart styled(String title, JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("openrsp");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.apply(chart);
        chart.setTitle(new TextTitle(title, theme.getExtraLargeFont()));
        return chart;
    }
}
