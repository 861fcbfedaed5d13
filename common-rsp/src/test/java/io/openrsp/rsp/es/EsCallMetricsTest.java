package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EsCallMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final EsCallMetrics metrics = new EsCallMetrics(registry);

    @Test
    void outcomeWhenEachExecutionStatusThenItsWireValueInLowerCase() {
        assertThat(EsCallMetrics.outcome(ExecutionStatus.EXECUTED_SUCCESS)).isEqualTo("executed-success");
        assertThat(EsCallMetrics.outcome(ExecutionStatus.EXECUTED_WITH_WARNING)).isEqualTo("executed-withwarning");
        assertThat(EsCallMetrics.outcome(ExecutionStatus.FAILED)).isEqualTo("failed");
        assertThat(EsCallMetrics.outcome(ExecutionStatus.EXPIRED)).isEqualTo("expired");
    }

    @Test
    void answeredWhenServerCallEndsThenTimedFromStartWithTheAnswersStatus() {
        EsCallMetrics.Call call =
                metrics.start(EsCallMetrics.EsInterface.ES2, Es2.EnableProfile.NAME, EsCallMetrics.Role.SERVER);
        clock.add(Duration.ofMillis(42));
        var response = new Es2.EnableProfile.Response(new ResponseHeader(FunctionExecutionStatus.expired()), null);

        assertThat(call.answered(response)).isSameAs(response);

        Timer timer = timer("ES2", Es2.EnableProfile.NAME, "server", "expired");
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42.0);
    }

    @Test
    void answeredWhenFailedThenFailedAndNoOtherOutcome() {
        var failed = ResponseHeader.failed(new StatusCodeData(SubjectCode.EID, ReasonCode.UNKNOWN, null, null));

        metrics.start(EsCallMetrics.EsInterface.ES3, Es3.CreateIsdp.NAME, EsCallMetrics.Role.CLIENT)
                .answered(new Es3.CreateIsdp.Response(failed, null, null));

        assertThat(timer("ES3", Es3.CreateIsdp.NAME, "client", "failed").count())
                .isEqualTo(1);
        assertThat(registry.find(EsCallMetrics.NAME).timers()).hasSize(1);
    }

    @Test
    void transportErrorWhenClientCallGotNoResponseThenTransportErrorOutcome() {
        metrics.start(EsCallMetrics.EsInterface.ES3, Es3.SendData.NAME, EsCallMetrics.Role.CLIENT)
                .transportError();

        assertThat(timer("ES3", Es3.SendData.NAME, "client", EsCallMetrics.TRANSPORT_ERROR)
                        .count())
                .isEqualTo(1);
    }

    private Timer timer(String es, String function, String role, String outcome) {
        return registry.get(EsCallMetrics.NAME)
                .tags("interface", es, "function", function, "role", role, "outcome", outcome)
                .timer();
    }
}
