package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.platform.PlatformDatabase;
import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureDiagnosisTest {

    private final PlatformLayout layout = new PlatformLayout(
            Path.of("/srv/rsp"),
            Path.of("/srv/rsp"),
            Path.of("java"),
            PlatformPorts.defaults(),
            PlatformDatabase.embedded());

    @Test
    void ofWhenKindsOfFailureThenMostFrequentFirstWithMeaningAndLog() {
        List<BenchReport.Failure> failures = new ArrayList<>();
        failures.add(failure("AWAIT_ORDER", "TIMEOUT"));
        for (int i = 0; i < 3; i++) {
            failures.add(failure("KEY_ESTABLISHMENT", "ES3_EXPIRED"));
        }

        assertThat(FailureDiagnosis.of(failures, 10, layout))
                .containsExactly(
                        "3 of 10 orders failed at KEY_ESTABLISHMENT with ES3_EXPIRED: the SM-SR answered Expired: the "
                                + "card did not answer within the validity period; see ./data/logs/sm-sr-service.log",
                        "1 of 10 orders failed at AWAIT_ORDER with TIMEOUT: no answer, or the order did not end, in the "
                                + "time allowed (--order-timeout); see ./data/logs/sm-dp-service.log");
    }

    @Test
    void ofWhenCardNotRegisteredThenTheSimulatorsLog() {
        assertThat(FailureDiagnosis.of(List.of(failure("CARD_REGISTRATION", "NOT_REGISTERED")), 1, layout))
                .singleElement()
                .asString()
                .endsWith("see ./data/logs/euicc-simulator.log");
    }

    @Test
    void ofWhenMoreKindsThanShownThenTheRestSummed() {
        List<BenchReport.Failure> failures = new ArrayList<>();
        for (int i = 0; i < FailureDiagnosis.MAX_KINDS + 2; i++) {
            failures.add(failure("STEP_" + i, "REASON_" + i));
        }

        List<String> lines = FailureDiagnosis.of(failures, 100, layout);

        assertThat(lines).hasSize(FailureDiagnosis.MAX_KINDS + 1);
        assertThat(lines.getLast()).isEqualTo("2 more failed orders of 2 other kinds (see bench.json)");
        assertThat(lines.getFirst())
                .isEqualTo("1 of 100 orders failed at STEP_0 with REASON_0; see ./data/logs/sm-dp-service.log");
    }

    @Test
    void ofWhenNoFailuresThenNoLines() {
        assertThat(FailureDiagnosis.of(List.of(), 5, layout)).isEmpty();
    }

    private static BenchReport.Failure failure(String step, String reason) {
        return new BenchReport.Failure("o", step, reason, "message");
    }
}
