package io.openrsp.cli.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reader of the Prometheus text exposition format 0.0.4 (what {@code /actuator/prometheus} serves): one sample a
 * line, {@code name{label="value",...} value [timestamp]}; {@code #} lines are comments ({@code HELP}, {@code TYPE})
 * and blank lines are skipped. Label values escape {@code \\}, {@code \"} and {@code \n}; values are Go floats, so
 * {@code NaN}, {@code +Inf} and {@code -Inf} are allowed. A line that is none of these is refused with its number.
 *
 * <p>Source: Prometheus, "Exposition formats", text-based format (prometheus.io/docs/instrumenting/exposition_formats).
 */
public final class PrometheusText {

    /**
     * One sample.
     *
     * @param name the metric name as exposed (e.g. {@code openrsp_es5_handshakes_total})
     * @param labels its labels in the order exposed
     * @param value the value; may be NaN or infinite
     */
    public record Sample(String name, Map<String, String> labels, double value) {

        public Sample {
            Objects.requireNonNull(name, "name");
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private final String text;
    private final int lineNumber;
    private int at;

    private PrometheusText(String text, int lineNumber) {
        this.text = text;
        this.lineNumber = lineNumber;
    }

    /**
     * The samples of {@code exposition}, in order.
     *
     * @throws IllegalArgumentException naming the first line that is not a sample, a comment or blank
     */
    public static List<Sample> parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = exposition.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(new PrometheusText(line, i + 1).sample());
        }
        return List.copyOf(samples);
    }

    private Sample sample() {
        String name = name();
        Map<String, String> labels = new LinkedHashMap<>();
        if (peek() == '{') {
            at++;
            labels(labels);
        }
        if (!skipBlanks()) {
            throw malformed("no value after " + name);
        }
        int start = at;
        while (at < text.length() && !isBlank(text.charAt(at))) {
            at++;
        }
        double value = value(text.substring(start, at));
        // What may follow is a timestamp in ms; the deltas here use the scrape's own time, so it is not read.
        return new Sample(name, labels, value);
    }

    private String name() {
        int start = at;
        while (at < text.length() && isNameChar(text.charAt(at), at == start)) {
            at++;
        }
        if (at == start) {
            throw malformed("a metric name must start with a letter, '_' or ':'");
        }
        return text.substring(start, at);
    }

    private void labels(Map<String, String> labels) {
        while (true) {
            skipBlanks();
            if (peek() == '}') {
                at++;
                return;
            }
            int start = at;
            while (at < text.length() && isLabelNameChar(text.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw malformed("a label name expected at column " + (at + 1));
            }
            String label = text.substring(start, at);
            skipBlanks();
            expect('=');
            skipBlanks();
            expect('"');
            labels.put(label, labelValue());
            skipBlanks();
            if (peek() == ',') {
                at++;
            } else if (peek() != '}') {
                throw malformed("',' or '}' expected after label " + label);
            }
        }
    }

    private String labelValue() {
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw malformed("unknown escape \\" + escaped + " in a label value");
                }
            } else {
                value.append(c);
            }
        }
        throw malformed("a label value is not closed");
    }

    private double value(String token) {
        return switch (token) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw malformed("not a number: " + shorten(token));
                }
            }
        };
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed("'" + c + "' expected at column " + (at + 1));
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Skips spaces and tabs; whether anything follows. */
    private boolean skipBlanks() {
        while (at < text.length() && isBlank(text.charAt(at))) {
            at++;
        }
        return at < text.length();
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("Prometheus text, line " + lineNumber + ": " + why);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isNameChar(char c, boolean first) {
        return isLabelNameChar(c, first) || c == ':';
    }

    private static boolean isLabelNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
    }

    private static String shorten(String token) {
        return token.length() > 40 ? token.substring(0, 40) + "..." : token;
    }
}
