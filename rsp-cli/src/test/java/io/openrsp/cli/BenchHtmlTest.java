package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchHtmlTest {

    @Test
    void escapeWhenMarkupThenEntities() {
        assertThat(BenchHtml.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapeWhenNullThenEmpty() {
        assertThat(BenchHtml.escape(null)).isEmpty();
    }

    @Test
    void labelsWhenSeveralThenPrometheusStyleInOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("outcome", "failure");
        labels.put("alert", "decrypt_error");

        assertThat(BenchHtml.labels(labels)).isEqualTo("outcome=\"failure\", alert=\"decrypt_error\"");
        assertThat(BenchHtml.labels(Map.of())).isEmpty();
    }
}
