package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchPdfTest {

    @Test
    void winAnsiWhenLatinOneThenKept() {
        assertThat(BenchPdf.winAnsi("caf\u00e9 \u00b5s \u00d7 2")).isEqualTo("caf\u00e9 \u00b5s \u00d7 2");
    }

    @Test
    void winAnsiWhenTypographicMarksThenAscii() {
        assertThat(BenchPdf.winAnsi("\u201cok\u201d \u2014 it\u2019s\u2026")).isEqualTo("\"ok\" - it's...");
    }

    @Test
    void winAnsiWhenControlsOrOtherScriptsThenSpacesAndQuestionMarks() {
        assertThat(BenchPdf.winAnsi("a\tb\nc\u0000\u2713\u4e2d\ud83d\ude00")).isEqualTo("a b c????");
    }
}
