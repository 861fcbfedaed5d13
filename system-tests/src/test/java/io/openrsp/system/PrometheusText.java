package io.openrsp.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scrape of {@code /actuator/prometheus} read as the Prometheus text exposition format 0.0.4 defines it
 * (prometheus.io/docs/instrumenting/exposition_formats): {@code #} lines are comments ({@code HELP}, {@code TYPE});
 * every other non-empty line is one sample {@code name[{label="value",...}] value [timestamp]}, label values escaped
 * with {@code \\}, {@code \"} and {@code \n}. A line that does not parse fails the test, naming the line.
 */
final class PrometheusText {

    /** One sample: the metric name, its labels in order, its value. */
    record Sample(String name, Map<String, String> labels, double value) {

        /** Whether every one of {@code wanted} is among this sample's labels with the same value. */
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            samples.add(new LineReader(trimmed).sample());
        }
        return new PrometheusText(samples);
    }

    /** The samples named {@code name} whose labels include {@code labels} (name, value, name, value...). */
    List<Sample> samples(String name, String... labels) {
        Map<String, String> wanted = labels(labels);
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(wanted))
                .toList();
    }

    /** The sum of the values of {@link #samples}; 0 when there is none. */
    double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Every sample, for a failure message. */
    List<Sample> all() {
        return samples;
    }

    private static Map<String, String> labels(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Reads one sample line, character by character. */
    private static final class LineReader {

        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{') {
                at++;
                while (peek() != '}') {
                    String label = name();
                    expect('=');
                    labels.put(label, quoted());
                    if (peek() == ',') {
                        at++;
                    } else if (peek() != '}') {
                        throw malformed("',' or '}' expected");
                    }
                }
                at++;
            }
            if (peek() != ' ') {
                throw malformed("a space before the value expected");
            }
            String[] rest = line.substring(at).strip().split(" +");
            if (rest.length < 1 || rest.length > 2) {
                throw malformed("a value and an optional timestamp expected");
            }
            return new Sample(name, labels, value(rest[0]));
        }

        private String name() {
            int start = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw malformed("a name expected");
            }
            return line.substring(start, at);
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_'
                    || c == ':'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (!first && c >= '0' && c <= '9');
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (at >= line.length()) {
                    throw malformed("unterminated label value");
                }
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (at >= line.length()) {
                        throw malformed("dangling escape");
                    }
                    char escaped = line.charAt(at++);
                    value.append(
                            switch (escaped) {
                                case 'n' -> '\n';
                                case '\\', '"' -> escaped;
                                default -> throw malformed("unknown escape \\" + escaped);
                            });
                } else {
                    value.append(c);
                }
            }
        }

        private double value(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw malformed("not a number: " + text);
                    }
                }
            };
        }

        private char peek() {
            if (at >= line.length()) {
                throw malformed("unexpected end of line");
            }
            return line.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw malformed("'" + c + "' expected");
            }
            at++;
        }

        private AssertionError malformed(String why) {
            return new AssertionError("not a Prometheus sample (" + why + " at " + at + "): " + line);
        }
    }
}
