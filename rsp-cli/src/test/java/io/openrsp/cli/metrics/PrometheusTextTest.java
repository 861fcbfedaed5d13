package io.openrsp.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void parseWhenMicrometerOutputThenSamplesWithLabelsSkippingComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP openrsp_es5_handshakes_total PSK-TLS handshakes
                # TYPE openrsp_es5_handshakes_total counter
                openrsp_es5_handshakes_total{alert="none",outcome="success"} 120.0

                openrsp_es5_handshakes_total{alert="unknown_psk_identity",outcome="failure",} 3.0
                process_cpu_usage 0.25
                """);

        assertThat(samples)
                .containsExactly(
                        new PrometheusText.Sample(
                                "openrsp_es5_handshakes_total", Map.of("alert", "none", "outcome", "success"), 120),
                        new PrometheusText.Sample(
                                "openrsp_es5_handshakes_total",
                                Map.of("alert", "unknown_psk_identity", "outcome", "failure"),
                                3),
                        new PrometheusText.Sample("process_cpu_usage", Map.of(), 0.25));
    }

    @Test
    void parseWhenLabelValueHasEscapesThenUnescaped() {
        var sample = PrometheusText.parse("m{path=\"C:\\\\dir\",msg=\"say \\\"hi\\\"\\nbye\"} 1\n")
                .getFirst();

        assertThat(sample.labels()).containsEntry("path", "C:\\dir").containsEntry("msg", "say \"hi\"\nbye");
    }

    @Test
    void parseWhenLabelValueHoldsBracesCommasAndHashThenKeptAsText() {
        var sample = PrometheusText.parse("m{a=\"x}, y=\\\"#\\\"\"} 2").getFirst();

        assertThat(sample.labels()).containsExactlyEntriesOf(Map.of("a", "x}, y=\"#\""));
        assertThat(sample.value()).isEqualTo(2);
    }

    @Test
    void parseWhenSpecialValuesThenNanAndInfinities() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                a NaN
                b +Inf
                c -Inf
                d_bucket{le="+Inf"} 7
                e 1.5e3 1700000000000
                """);

        assertThat(samples.get(0).value()).isNaN();
        assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(samples.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(samples.get(3).labels()).containsEntry("le", "+Inf");
        assertThat(samples.get(3).value()).isEqualTo(7);
        assertThat(samples.get(4).value()).isEqualTo(1500);
    }

    @Test
    void parseWhenCarriageReturnsAndTabsThenTolerated() {
        assertThat(PrometheusText.parse("a\t1\r\nb 2\r\n"))
                .extracting(PrometheusText.Sample::value)
                .containsExactly(1.0, 2.0);
    }

    @Test
    void parseWhenValueIsNotANumberThenRefusedNamingTheLine() {
        assertThatThrownBy(() -> PrometheusText.parse("# ok\na 1\nb one\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prometheus text, line 3: not a number: one");
    }

    @Test
    void parseWhenLabelValueNotClosedThenRefused() {
        assertThatThrownBy(() -> PrometheusText.parse("a{x=\"open} 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("not closed");
    }

    @Test
    void parseWhenNoValueThenRefused() {
        assertThatThrownBy(() -> PrometheusText.parse("a{x=\"1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value after a");
    }

    @Test
    void parseWhenNameStartsWithDigitThenRefused() {
        assertThatThrownBy(() -> PrometheusText.parse("1abc 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric name");
    }

    @Test
    void parseWhenUnknownEscapeThenRefused() {
        assertThatThrownBy(() -> PrometheusText.parse("a{x=\"\\t\"} 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown escape \\t");
    }
}
