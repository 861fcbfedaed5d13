package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.client.Order;
import io.openrsp.cli.client.SimulatorClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void durationWhenUnderASecondThenMilliseconds() {
        assertThat(Report.duration(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(Report.duration(Duration.ofMillis(999))).isEqualTo("999 ms");
    }

    @Test
    void durationWhenSecondsThenOneDecimal() {
        assertThat(Report.duration(Duration.ofMillis(1000))).isEqualTo("1.0 s");
        assertThat(Report.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
    }

    @Test
    void durationWhenMinutesThenMinutesAndSeconds() {
        assertThat(Report.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }

    @Test
    void orderStepWhenEndedThenNumberNameStateAndDuration() {
        String line = Report.orderStep(2, 5, new Order.Step("ISDP_CREATION", "DONE", 310L));

        assertThat(line)
                .startsWith("  step 2/5 ISDP_CREATION")
                .contains(" DONE ")
                .endsWith("310 ms");
    }

    @Test
    void orderStepWhenSkippedThenNoDuration() {
        String line = Report.orderStep(5, 5, new Order.Step("PROFILE_ENABLING", "SKIPPED", null));

        assertThat(line).endsWith("SKIPPED");
    }

    @Test
    void lineWhenPrintedThenDurationRightAlignedInItsColumn() {
        String shortOne = Report.line("PKI", "kept ./pki", Duration.ofMillis(3));
        String longOne = Report.line("create card", "EID 8904...", Duration.ofMillis(1500));

        assertThat(shortOne).hasSameSizeAs(longOne).endsWith("3 ms");
        assertThat(longOne).endsWith("1.5 s");
    }

    @Test
    void cardWhenProfileEnabledThenIsdpLineShowsStateAndIdentifiers() {
        var card = new SimulatorClient.Card(
                "89049032000010000095380952849269",
                true,
                "SM-SR-1",
                true,
                List.of(new SimulatorClient.Isdp(
                        "A0000005591010FFFFFFFF8900001000",
                        "Enabled",
                        false,
                        "89001010017717638104",
                        "001011771763810",
                        "demo")));

        assertThat(Report.card(card))
                .containsExactly(
                        "card 89049032000010000095380952849269 (registered at SM-SR-1)",
                        "  ISD-P A0000005591010FFFFFFFF8900001000  Enabled   ICCID 89001010017717638104"
                                + "  IMSI 001011771763810  type demo");
    }

    @Test
    void failureWhenOrderFailedThenStepReasonMessageAndStatusCode() {
        var order = new Order(
                "o-1",
                "Operator-1",
                "8904",
                "8900",
                "demo",
                true,
                "FAILED",
                null,
                List.of(),
                new Order.Failure(
                        "ISDP_CREATION",
                        "ES3_EXPIRED",
                        "the card did not answer; ISD-P deleted",
                        new Order.StatusCode("1.6", "5.3", null, null)));

        assertThat(Report.failure(order))
                .containsExactly(
                        "order o-1 FAILED at ISDP_CREATION: ES3_EXPIRED",
                        "  the card did not answer; ISD-P deleted",
                        "  SM-SR status code: subject 1.6, reason 5.3");
    }
}
