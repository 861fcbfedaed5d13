package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.AuditTrail;
import io.openrsp.smsr.eis.TestEis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Es3ExecutorTest {

    private final TestEs3 es3 = new TestEs3();

    private Es3.GetEis.Response getEis(String caller, Es3.GetEis.Request request) {
        return es3.executor.execute(
                caller,
                Es3.GetEis.NAME,
                request,
                request.eid(),
                null,
                Es3.GetEis.Response.class,
                h -> new Es3.GetEis.Response(h, null),
                call -> es3.getEis.execute(call, request));
    }

    @Test
    void executeWhenRequesterIsNotTheCertificateCnThenNotAllowed() {
        Eid eid = es3.card(1, 100_000);

        var response = getEis("SM-DP-2", new Es3.GetEis.Request(TestEs3.header(), eid.digits()));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.FUNCTION_REQUESTER,
                ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(response.eis()).isNull();
    }

    @Test
    void executeWhenValidityPeriodAboveMaximumThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);

        var response = es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), 7201, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.VALIDITY_PERIOD,
                ReasonCode.REFUSED);
        assertThat(es3.card.submissions()).isEmpty();
    }

    @Test
    void executeWhenValidityPeriodGivenThenDeadlineIsNowPlusIt() {
        Eid eid = es3.card(1, 100_000);

        es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), 30, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null));

        assertThat(es3.card.submissions().getFirst().deadline())
                .isEqualTo(es3.eis.clock.instant().plusSeconds(30));
    }

    @Test
    void executeWhenCallIdentifierRepeatedThenFirstResponseAndNothingRunsTwice() {
        Eid eid = es3.card(1, 100_000);
        var request =
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null);

        var first = es3.createIsdp(request);
        var repeat = es3.createIsdp(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(es3.card.submissions()).hasSize(1);
        assertThat(es3.eis.isdps.list(eid)).hasSize(1);
    }

    @Test
    void executeWhenExpiredCallRepeatedThenStillExpiredAndNotSentAgain() {
        Eid eid = es3.card(1, 100_000);
        es3.card.unreachable(eid, true);
        var request =
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null);
        es3.createIsdp(request);
        es3.card.unreachable(eid, false);

        var repeat = es3.createIsdp(request);

        assertThat(repeat.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(es3.card.submissions()).hasSize(1);
    }

    @Test
    void executeWhenCallIdentifierReusedForAnotherFunctionThenInvalid() {
        Eid eid = es3.card(1, 100_000);
        RequestHeader header = TestEs3.header();
        es3.getEis(new Es3.GetEis.Request(header, eid.digits()));

        var response = es3.enableProfile(new Es3.EnableProfile.Request(header, null, eid.digits(), es3.nextIccid()));

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.FUNCTION, ReasonCode.INVALID);
        assertThat(status.message()).contains("GetEIS");
    }

    @Test
    void executeWhenDuplicateArrivesWhileFirstRunsThenItWaitsForTheFirstResult() throws Exception {
        Eid eid = es3.card(1, 100_000);
        var request = new Es3.GetEis.Request(TestEs3.header(), eid.digits());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Es3.GetEis.Response> first = threads.submit(() -> es3.executor.execute(
                    TestEis.SMDP,
                    Es3.GetEis.NAME,
                    request,
                    request.eid(),
                    null,
                    Es3.GetEis.Response.class,
                    h -> new Es3.GetEis.Response(h, null),
                    call -> {
                        runs.incrementAndGet();
                        firstStarted.countDown();
                        await(release);
                        return es3.getEis.execute(call, request);
                    }));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Es3.GetEis.Response> duplicate = CompletableFuture.supplyAsync(
                    () -> es3.executor.execute(
                            TestEis.SMDP,
                            Es3.GetEis.NAME,
                            request,
                            request.eid(),
                            null,
                            Es3.GetEis.Response.class,
                            h -> new Es3.GetEis.Response(h, null),
                            call -> {
                                runs.incrementAndGet();
                                return es3.getEis.execute(call, request);
                            }),
                    threads);
            assertThat(duplicate).isNotDone();
            release.countDown();

            assertThat(duplicate.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void executeWhenFunctionThrowsUnexpectedlyThenExecutionErrorWithoutInternals() {
        Eid eid = es3.card(1, 100_000);
        var request = new Es3.GetEis.Request(TestEs3.header(), eid.digits());

        var response = es3.executor.execute(
                TestEis.SMDP,
                Es3.GetEis.NAME,
                request,
                request.eid(),
                null,
                Es3.GetEis.Response.class,
                h -> new Es3.GetEis.Response(h, null),
                call -> {
                    throw new IllegalStateException("secret internal detail");
                });

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.FUNCTION_PROVIDER, ReasonCode.EXECUTION_ERROR);
        assertThat(status.message()).doesNotContain("secret");
    }

    @Test
    void executeWhenAnsweredThenTimedAsServerCallByFunctionAndStatus() {
        Eid eid = es3.card(1, 100_000);
        es3.getEis(new Es3.GetEis.Request(TestEs3.header(), eid.digits()));
        getEis("SM-DP-2", new Es3.GetEis.Request(TestEs3.header(), eid.digits()));
        es3.card.unreachable(eid, true);
        es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null));

        assertThat(serverCalls(Es3.GetEis.NAME, "executed-success")).isEqualTo(1);
        assertThat(serverCalls(Es3.GetEis.NAME, "failed")).isEqualTo(1);
        assertThat(serverCalls(Es3.CreateIsdp.NAME, "expired")).isEqualTo(1);
        assertThat(es3.meters.find("openrsp.es.calls").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTags())
                        .extracting(tag -> tag.getValue())
                        .doesNotContain(eid.digits()));
    }

    private long serverCalls(String function, String outcome) {
        Timer timer = es3.meters
                .find("openrsp.es.calls")
                .tags("interface", "ES3", "function", function, "role", "server", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void executeWhenCalledThenAuditRowWithOutcome() {
        Eid eid = es3.card(1, 100_000);
        es3.card.unreachable(eid, true);

        es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null));

        List<AuditTrail.Entry> trail = es3.eis.audit.of(eid.digits());
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo(Es3.CreateIsdp.NAME);
            assertThat(entry.requester()).isEqualTo(TestEis.SMDP);
            assertThat(entry.outcome()).isEqualTo("Expired");
            assertThat(entry.detail()).isEqualTo("1.6/5.3");
        });
    }

    @Test
    void executeWhenNoValidityPeriodThenDefaultDeadline() {
        Eid eid = es3.card(1, 100_000);

        es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), es3.nextIccid(), "MNO-1", 10L, null));

        assertThat(es3.card.submissions().getFirst().deadline())
                .isEqualTo(es3.eis.clock.instant().plus(es3.eis.properties.defaultValidityPeriod()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
