package io.openrsp.cli;

import io.openrsp.cli.metrics.ServiceMetrics;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The bench report as a PDF (Apache PDFBox): the tables of the HTML page and the same chart images, on A4 pages. Text
 * is set in the standard Helvetica fonts, which every PDF reader has, so nothing is embedded; those fonts encode
 * WinAnsi only, so other characters are replaced ({@link #winAnsi}).
 */
final class BenchPdf {

    /**
     * PDFBox looks for a system font to draw each standard font with and warns (on stderr, through
     * java.util.logging) when it takes a substitute; the report only writes text in these fonts, never draws it, so
     * the warning would only confuse. Held here: java.util.logging keeps its loggers weakly.
     */
    private static final Logger PDFBOX_FONTS = quiet("org.apache.pdfbox.pdmodel.font");

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;
    private static final float TEXT_SIZE = 9;
    private static final float LEADING = 12;
    private static final float CELL_PADDING = 3;
    /** Lines a table cell may take before it is cut (failure messages can be long). */
    private static final int MAX_CELL_LINES = 6;

    private static final Color FLAG = new Color(0xC2, 0x41, 0x0C);
    private static final Color RULE = new Color(0xDD, 0xDD, 0xDD);
    private static final Color HIGHLIGHT = new Color(0xFF, 0xF1, 0xE6);

    private BenchPdf() {}

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Writes the report of {@code report} with its {@code charts} to {@code out}. */
    static void write(BenchReport report, BenchCharts.Rendered charts, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("rsp bench: " + BenchHtml.headline(report));
            info.setCreator("rsp bench");
            try (Pages pages = new Pages(document)) {
                pages.text("rsp bench: " + BenchHtml.headline(report), BOLD, 13, Color.BLACK);
                pages.space(6);
                pages.table(List.of(Column.text(null, 190), Column.text(null, 325)), summary(report), List.of());

                pages.heading("Steps (ms)", 0);
                List<List<String>> steps = new ArrayList<>();
                List<Integer> slow = new ArrayList<>();
                for (Map.Entry<String, Percentiles.Summary> step :
                        report.steps().entrySet()) {
                    boolean bottleneck = report.bottlenecks().contains(step.getKey());
                    if (bottleneck) {
                        slow.add(steps.size());
                    }
                    steps.add(stepRow(step.getKey(), step.getValue(), bottleneck));
                }
                steps.add(stepRow(BenchCharts.END_TO_END, report.latency(), false));
                pages.table(
                        List.of(
                                Column.text("step", 175),
                                Column.number("p50", 65),
                                Column.number("p95", 65),
                                Column.number("p99", 65),
                                Column.number("max", 65),
                                Column.text("", 80)),
                        steps,
                        slow);
                pages.text(
                        report.bottlenecks().isEmpty()
                                ? "No step's p95 is above " + report.thresholdMillis() + " ms."
                                : "Bottlenecks (p95 above " + report.thresholdMillis() + " ms): "
                                        + String.join(", ", report.bottlenecks()),
                        report.bottlenecks().isEmpty() ? REGULAR : BOLD,
                        TEXT_SIZE,
                        report.bottlenecks().isEmpty() ? Color.BLACK : FLAG);

                pages.heading("Charts", Pages.WIDTH * BenchCharts.HEIGHT / BenchCharts.WIDTH);
                pages.image(charts.latency(), "latency");
                pages.image(charts.throughput(), "throughput");
                pages.image(charts.histogram(), "histogram");

                pages.heading("Service metrics over the order phase", 0);
                services(pages, report);

                pages.heading("Failures", 0);
                failures(pages, report);
            }
            document.save(out);
        }
    }

    private static List<List<String>> summary(BenchReport report) {
        BenchReport.Environment environment = report.environment();
        return List.of(
                List.of("orders (n)", Integer.toString(report.n())),
                List.of("concurrency (c)", Integer.toString(report.concurrency())),
                List.of("completed", Integer.toString(report.completed())),
                List.of("errors", Integer.toString(report.errors())),
                List.of("throughput", String.format(Locale.ROOT, "%.2f completed orders/s", report.throughput())),
                List.of("order phase", String.format(Locale.ROOT, "%.2f s", report.orderPhaseSeconds())),
                List.of(
                        "elapsed (cards, profiles, orders)",
                        String.format(Locale.ROOT, "%.2f s", report.elapsedSeconds())),
                List.of("started at", report.startedAt()),
                List.of(
                        "command line's JDK / cores / OS",
                        environment.jdk() + " / " + environment.cores() + " / " + environment.os()),
                List.of("bottleneck threshold (p95)", report.thresholdMillis() + " ms"));
    }

    private static List<String> stepRow(String name, Percentiles.Summary s, boolean bottleneck) {
        return List.of(
                name,
                Long.toString(s.p50()),
                Long.toString(s.p95()),
                Long.toString(s.p99()),
                Long.toString(s.max()),
                bottleneck ? "bottleneck" : "");
    }

    private static void services(Pages pages, BenchReport report) throws IOException {
        if (report.services().isEmpty()) {
            pages.text("No service metrics were read.", REGULAR, TEXT_SIZE, Color.GRAY);
        }
        for (ServiceMetrics service : report.services()) {
            pages.space(4);
            pages.text(service.service(), BOLD, 10, Color.BLACK);
            if (!service.isAvailable()) {
                pages.text("metrics unavailable: " + service.unavailable(), REGULAR, TEXT_SIZE, FLAG);
                continue;
            }
            pages.text(BenchReport.cpu(service), REGULAR, TEXT_SIZE, Color.BLACK);
            if (service.deltas().isEmpty()) {
                pages.text("No tracked counter changed.", REGULAR, TEXT_SIZE, Color.GRAY);
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ServiceMetrics.Delta delta : service.deltas()) {
                rows.add(List.of(delta.metric(), BenchHtml.labels(delta.labels()), BenchReport.number(delta.value())));
            }
            pages.table(
                    List.of(Column.text("metric", 185), Column.text("labels", 260), Column.number("increase", 70)),
                    rows,
                    List.of());
        }
    }

    private static void failures(Pages pages, BenchReport report) throws IOException {
        if (report.errors() == 0) {
            pages.text("Every order completed.", REGULAR, TEXT_SIZE, Color.BLACK);
            return;
        }
        for (String line : report.diagnosis()) {
            pages.text("- " + line, REGULAR, TEXT_SIZE, Color.BLACK);
        }
        pages.space(4);
        List<List<String>> rows = new ArrayList<>();
        for (BenchReport.Failure failure : report.failures()) {
            rows.add(List.of(
                    failure.orderId() == null ? "(no order)" : failure.orderId(),
                    String.valueOf(failure.step()),
                    String.valueOf(failure.reason()),
                    String.valueOf(failure.message())));
        }
        pages.table(
                List.of(
                        // A UUID order id and the longest step name fit on one line at 9 pt.
                        Column.text("order", 180),
                        Column.text("step", 110),
                        Column.text("reason", 95),
                        Column.text("message", 130)),
                rows,
                List.of());
        if (report.errors() > report.failures().size()) {
            pages.text(
                    "The first " + report.failures().size() + " of " + report.errors() + " failures.",
                    REGULAR,
                    TEXT_SIZE,
                    Color.GRAY);
        }
    }

    /**
     * {@code text} with what the standard fonts cannot encode replaced: white space becomes a space, common
     * typographic marks their ASCII form, and anything else outside printable ASCII and Latin-1 a {@code ?}.
     */
    static String winAnsi(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\t', '\n', '\r' -> safe.append(' ');
                case '\u2013', '\u2014', '\u2212' -> safe.append('-');
                case '\u2018', '\u2019' -> safe.append('\'');
                case '\u201C', '\u201D' -> safe.append('"');
                case '\u2026' -> safe.append("...");
                default -> {
                    boolean printable = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF);
                    safe.append(printable ? (char) c : '?');
                }
            }
        });
        return safe.toString();
    }

    /**
     * A table column.
     *
     * @param title its header, or null for a table without a header row
     * @param width in points
     * @param numeric right-aligned
     */
    private record Column(String title, float width, boolean numeric) {

        static Column text(String title, float width) {
            return new Column(title, width, false);
        }

        static Column number(String title, float width) {
            return new Column(title, width, true);
        }
    }

    /** The pages being written: a cursor moving down, a new page when the next block does not fit. */
    private static final class Pages implements AutoCloseable {

        private static final PDRectangle SIZE = PDRectangle.A4;
        private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        /** A section title, on a new page unless it fits with the first {@code keepWith} points of what follows. */
        void heading(String title, float keepWith) throws IOException {
            space(10);
            need(3 * LEADING + keepWith);
            text(title, BOLD, 11, Color.BLACK);
            space(2);
        }

        void space(float points) {
            y -= points;
        }

        /** A paragraph, wrapped to the page's width. */
        void text(String text, PDType1Font font, float size, Color color) throws IOException {
            for (String line : wrap(text, font, size, WIDTH, Integer.MAX_VALUE)) {
                need(size + 4);
                y -= size + 3;
                show(line, font, size, color, MARGIN, y);
            }
        }

        /**
         * A table: a bold header row when the columns have titles, cells wrapped within their column, the rows at
         * {@code highlighted} indexes on a tinted background with their last cell in the flag colour.
         */
        void table(List<Column> columns, List<List<String>> rows, List<Integer> highlighted) throws IOException {
            if (columns.getFirst().title() != null) {
                row(columns, columns.stream().map(Column::title).toList(), BOLD, false);
            }
            for (int i = 0; i < rows.size(); i++) {
                row(columns, rows.get(i), REGULAR, highlighted.contains(i));
            }
        }

        private void row(List<Column> columns, List<String> cells, PDType1Font font, boolean highlight)
                throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.size(); i++) {
                float width = columns.get(i).width() - 2 * CELL_PADDING;
                List<String> cell = wrap(cells.get(i), font, TEXT_SIZE, width, MAX_CELL_LINES);
                lines.add(cell);
                height = Math.max(height, cell.size());
            }
            float rowHeight = height * LEADING + 2 * CELL_PADDING;
            need(rowHeight);
            if (highlight) {
                content.setNonStrokingColor(HIGHLIGHT);
                content.addRect(MARGIN, y - rowHeight, WIDTH, rowHeight);
                content.fill();
            }
            float x = MARGIN;
            for (int i = 0; i < lines.size(); i++) {
                Column column = columns.get(i);
                float lineY = y - CELL_PADDING - TEXT_SIZE;
                Color color = highlight && i == lines.size() - 1 ? FLAG : Color.BLACK;
                for (String line : lines.get(i)) {
                    float at = column.numeric()
                            ? x + column.width() - CELL_PADDING - width(line, font, TEXT_SIZE)
                            : x + CELL_PADDING;
                    show(line, font, TEXT_SIZE, color, at, lineY);
                    lineY -= LEADING;
                }
                x += column.width();
            }
            y -= rowHeight;
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        }

        /** A chart image across the page's width. */
        void image(byte[] png, String name) throws IOException {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, png, name + ".png");
            float height = WIDTH * image.getHeight() / image.getWidth();
            need(height + 6);
            y -= height + 6;
            content.drawImage(image, MARGIN, y, WIDTH, height);
        }

        private void show(String text, PDType1Font font, float size, Color color, float x, float atY)
                throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        }

        /** Starts a new page unless {@code height} points fit above the bottom margin. */
        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }

        /**
         * {@code text} (made WinAnsi-safe) in lines no wider than {@code width}, broken at spaces, a word longer than
         * a line broken where it must; at most {@code maxLines}, the last ending in "..." if cut.
         */
        private static List<String> wrap(String text, PDType1Font font, float size, float width, int maxLines)
                throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : winAnsi(text).split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width) {
                    int fits = fitting(rest, font, size, width);
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            if (lines.size() > maxLines) {
                List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
                String last = cut.get(maxLines - 1);
                while (!last.isEmpty() && width(last + "...", font, size) > width) {
                    last = last.substring(0, last.length() - 1);
                }
                cut.set(maxLines - 1, last + "...");
                return cut;
            }
            return lines;
        }

        /** How many leading characters of {@code text} fit in {@code width} (at least one). */
        private static int fitting(String text, PDType1Font font, float size, float width) throws IOException {
            int n = 1;
            while (n < text.length() && width(text.substring(0, n + 1), font, size) <= width) {
                n++;
            }
            return n;
        }

        private static float width(String text, PDType1Font font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
