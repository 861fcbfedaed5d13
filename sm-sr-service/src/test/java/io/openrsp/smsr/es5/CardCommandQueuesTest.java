package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.es5.CardCommandQueues.SessionTicket;
import io.openrsp.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-card queue and session coordination of DESIGN.md §3.2, with a fake network and a fake card. */
class CardCommandQueuesTest {

    private static final Duration PUSH_RETRY = Duration.ofSeconds(5);
    private static final Eid EID = TestEids.eid(1);
    private static final ResponseScript OK = ResponseScript.of(ResponseApdu.of(StatusWord.NO_ERROR));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final RecordingPushSender network = new RecordingPushSender();
    private final Es5Timers timers = new Es5Timers();
    private final CardCommandQueues queues = new CardCommandQueues(network, clock, PUSH_RETRY, timers, Runnable::run);

    @AfterEach
    void stopTimers() {
        timers.close();
    }

    @Test
    void submitWhenNoSessionThenOnePushForAllQueuedScripts() {
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        queues.submit(EID, Optional.empty(), script(2), inOneMinute());

        assertThat(network.pushes).containsExactly(EID);
        assertThat(queues.queueDepth()).isEqualTo(2);
    }

    @Test
    void submitWhenOutstandingPushOlderThanPushRetryThenPushesAgain() {
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        clock.advance(PUSH_RETRY.minusMillis(1));
        queues.submit(EID, Optional.empty(), script(2), inOneMinute());
        assertThat(network.pushes).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        queues.submit(EID, Optional.empty(), script(3), inOneMinute());

        assertThat(network.pushes).containsExactly(EID, EID);
    }

    @Test
    void nextWhenSessionOpenThenScriptsInFifoOrderWithoutFurtherPush() throws Exception {
        CompletableFuture<ResponseScript> first = queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        CompletableFuture<ResponseScript> second = queues.submit(EID, Optional.of(isdp()), script(2), inOneMinute());
        SessionTicket session = queues.attach(EID);

        PendingCommand a = queues.next(session, Duration.ZERO).orElseThrow();
        assertThat(a.script()).isEqualTo(script(1));
        queues.complete(session, a, OK);
        CompletableFuture<ResponseScript> third = queues.submit(EID, Optional.empty(), script(3), inOneMinute());
        PendingCommand b = queues.next(session, Duration.ZERO).orElseThrow();
        assertThat(b.script()).isEqualTo(script(2));
        assertThat(b.targetedApplication()).contains(isdp());
        queues.complete(session, b, OK);
        PendingCommand c = queues.next(session, Duration.ZERO).orElseThrow();
        queues.complete(session, c, OK);

        assertThat(queues.next(session, Duration.ZERO)).isEmpty();
        assertThat(first).isCompletedWithValue(OK);
        assertThat(second).isCompletedWithValue(OK);
        assertThat(third).isCompletedWithValue(OK);
        assertThat(network.pushes).hasSize(1);
        assertThat(queues.activeCards()).isZero();
    }

    @Test
    void nextWhenScriptSubmittedWhileLingeringThenReturnsIt() {
        SessionTicket session = queues.attach(EID);
        CompletableFuture<Optional<PendingCommand>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queues.next(session, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        queues.submit(EID, Optional.empty(), script(1), inOneMinute());

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.join()).map(PendingCommand::script).contains(script(1));
        assertThat(network.pushes).isEmpty();
    }

    @Test
    void nextWhenQueueStaysEmptyForLingerThenSessionEndsAndNextSubmitPushes() throws Exception {
        SessionTicket session = queues.attach(EID);

        assertThat(queues.next(session, Duration.ofMillis(20))).isEmpty();
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());

        assertThat(network.pushes).containsExactly(EID);
    }

    @Test
    void submitWhenDeadlinePassesBeforeCardComesThenCardNotReachedAndNeverSent() throws Exception {
        CardCommandQueues realTime =
                new CardCommandQueues(network, java.time.Clock.systemUTC(), PUSH_RETRY, timers, Runnable::run);
        CompletableFuture<ResponseScript> result =
                realTime.submit(EID, Optional.empty(), script(1), Instant.now().plusMillis(100));

        await().atMost(Duration.ofSeconds(5)).until(result::isDone);
        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("no answer before the deadline");
        SessionTicket late = realTime.attach(EID);
        assertThat(realTime.next(late, Duration.ZERO)).isEmpty();
        assertThat(realTime.queueDepth()).isZero();
        assertThat(realTime.activeCards()).isZero();
    }

    @Test
    void submitWhenDeadlineAlreadyPassedThenFailsAtOnceWithoutPush() {
        CompletableFuture<ResponseScript> result = queues.submit(EID, Optional.empty(), script(1), clock.instant());

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).hasCauseInstanceOf(CardNotReachedException.class);
        assertThat(network.pushes).isEmpty();
    }

    @Test
    void submitWhenSmscRefusesPushThenCardNotReachedWithTheReason() {
        network.refusal = "the SMS-C knows no device with this EID";

        CompletableFuture<ResponseScript> result = queues.submit(EID, Optional.empty(), script(1), inOneMinute());

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("the SMS-C knows no device with this EID");
        assertThat(queues.queueDepth()).isZero();
        assertThat(queues.activeCards()).isZero();
    }

    @Test
    void submitWhenSmscTimesOutThenScriptStaysQueuedAndIsPushedAgain() throws Exception {
        network.refusal = "SMS-C not reachable (HttpTimeoutException)";
        network.refusalRetryable = true;
        var quickRetry = new CardCommandQueues(network, clock, Duration.ofMillis(50), timers, Runnable::run);

        CompletableFuture<ResponseScript> result = quickRetry.submit(EID, Optional.empty(), script(1), inOneMinute());

        await().atMost(Duration.ofSeconds(5)).until(() -> network.pushes.size() >= 2);
        assertThat(result).isNotDone();
        network.refusal = null;
        SessionTicket session = quickRetry.attach(EID);
        PendingCommand command = quickRetry.next(session, Duration.ZERO).orElseThrow();
        quickRetry.complete(session, command, OK);
        assertThat(result).isCompletedWithValue(OK);
    }

    @Test
    void detachWhenCardHoldsScriptThenSessionLost() throws Exception {
        CompletableFuture<ResponseScript> result = queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        SessionTicket session = queues.attach(EID);
        queues.next(session, Duration.ZERO).orElseThrow();

        queues.detach(session);

        assertThatThrownBy(result::join)
                .cause()
                .isInstanceOfSatisfying(
                        AdminSessionException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdminSessionException.Reason.SESSION_LOST));
        assertThat(queues.activeCards()).isZero();
    }

    @Test
    void detachWhenScriptsStillQueuedThenPushesAgainAfterPushRetry() throws Exception {
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        CompletableFuture<ResponseScript> second = queues.submit(EID, Optional.empty(), script(2), inOneMinute());
        SessionTicket session = queues.attach(EID);
        PendingCommand first = queues.next(session, Duration.ZERO).orElseThrow();
        queues.complete(session, first, OK);
        clock.advance(PUSH_RETRY);

        queues.detach(session);

        await().atMost(Duration.ofSeconds(5)).until(() -> network.pushes.size() == 2);
        assertThat(second).isNotDone();
    }

    @Test
    void attachWhenCardOpensSecondSessionThenFirstGetsNoMoreAndSecondWaitsForTheHeldScript() throws Exception {
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        SessionTicket old = queues.attach(EID);
        PendingCommand held = queues.next(old, Duration.ZERO).orElseThrow();
        SessionTicket current = queues.attach(EID);
        queues.submit(EID, Optional.empty(), script(2), inOneMinute());
        CompletableFuture<Optional<PendingCommand>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queues.next(current, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        assertThat(queues.next(old, Duration.ofSeconds(30))).isEmpty();
        assertThat(waiting).isNotDone();
        queues.complete(old, held, OK);

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.join()).map(PendingCommand::script).contains(script(2));
    }

    @Test
    void completeWhenDeadlinePassedWhileCardHeldScriptThenStaysNotReached() throws Exception {
        CardCommandQueues realTime =
                new CardCommandQueues(network, java.time.Clock.systemUTC(), PUSH_RETRY, timers, Runnable::run);
        CompletableFuture<ResponseScript> result =
                realTime.submit(EID, Optional.empty(), script(1), Instant.now().plusMillis(100));
        SessionTicket session = realTime.attach(EID);
        PendingCommand held = realTime.next(session, Duration.ZERO).orElseThrow();

        await().atMost(Duration.ofSeconds(5)).until(result::isDone);
        realTime.complete(session, held, OK);

        assertThatThrownBy(result::join).hasCauseInstanceOf(CardNotReachedException.class);
        assertThat(realTime.next(session, Duration.ZERO)).isEmpty();
        assertThat(realTime.activeCards()).isZero();
    }

    @Test
    void submitWhenOtherCardsBusyThenQueuesAreIndependent() throws Exception {
        Eid other = TestEids.eid(2);
        queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        queues.submit(other, Optional.empty(), script(2), inOneMinute());
        SessionTicket session = queues.attach(other);

        assertThat(queues.next(session, Duration.ZERO))
                .map(PendingCommand::script)
                .contains(script(2));
        assertThat(network.pushes).containsExactly(EID, other);
    }

    @Test
    void closeWhenScriptsQueuedOrHeldThenAllFailNotReached() throws Exception {
        CompletableFuture<ResponseScript> held = queues.submit(EID, Optional.empty(), script(1), inOneMinute());
        CompletableFuture<ResponseScript> queued = queues.submit(EID, Optional.empty(), script(2), inOneMinute());
        SessionTicket session = queues.attach(EID);
        queues.next(session, Duration.ZERO).orElseThrow();

        queues.close();

        assertThatThrownBy(held::join)
                .hasCauseInstanceOf(CardNotReachedException.class)
                .hasMessageContaining("stopping");
        assertThatThrownBy(queued::join).hasCauseInstanceOf(CardNotReachedException.class);
        assertThat(queues.next(session, Duration.ZERO)).isEmpty();
        assertThat(queues.queueDepth()).isZero();
    }

    private Instant inOneMinute() {
        return clock.instant().plus(Duration.ofMinutes(1));
    }

    private static Aid isdp() {
        return Aid.isdP(Tar.FIRST_ISD_P);
    }

    private static CommandScript script(int n) {
        return CommandScript.of(IsdRCommands.confirmNotification(n));
    }
}
