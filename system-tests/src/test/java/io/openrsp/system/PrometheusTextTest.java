package io.openrsp.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP openrsp_es_calls_seconds ES function calls
            # TYPE openrsp_es_calls_seconds histogram
            openrsp_es_calls_seconds_bucket{application="sm-dp-service",function="SendData",le="0.025"} 3
            openrsp_es_calls_seconds_bucket{application="sm-dp-service",function="SendData",le="+Inf"} 4
            openrsp_es_calls_seconds_count{application="sm-dp-service",function="SendData",outcome="failed"} 1
            openrsp_es_calls_seconds_count{application="sm-dp-service",function="SendData",outcome="executed-success"} 3
            openrsp_es_calls_seconds_sum{application="sm-dp-service",function="SendData"} 0.125
            openrsp_es5_queue_depth 0.0 1700000000000
            odd_label{text="a \\"quoted\\", back\\\\slash\\nnew line"} NaN
            """;

    @Test
    void sumWhenLabelsGivenThenOnlyTheSamplesCarryingThem() {
        PrometheusText metrics = PrometheusText.parse(SCRAPE);

        assertThat(metrics.all()).hasSize(7);
        assertThat(metrics.sum("openrsp_es_calls_seconds_count", "function", "SendData"))
                .isEqualTo(4);
        assertThat(metrics.sum("openrsp_es_calls_seconds_count", "outcome", "executed-success"))
                .isEqualTo(3);
        assertThat(metrics.sum("openrsp_es_calls_seconds_bucket", "le", "+Inf")).isEqualTo(4);
        assertThat(metrics.sum("openrsp_es_calls_seconds_sum")).isEqualTo(0.125);
        assertThat(metrics.sum("openrsp_es_calls_seconds_count", "outcome", "expired"))
                .isZero();
        assertThat(metrics.samples("openrsp_es_calls_seconds")).isEmpty();
    }
}
