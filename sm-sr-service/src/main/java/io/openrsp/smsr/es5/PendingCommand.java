package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One submitted script waiting in a card's queue, or held by the card; completes once, with the card's answer. */
final class PendingCommand {

    private final Eid eid;
    private final Optional<Aid> targetedApplication;
    private final CommandScript script;
    private final Instant deadline;
    private final CompletableFuture<ResponseScript> result = new CompletableFuture<>();
    private volatile ScheduledFuture<?> deadlineTimer;

    PendingCommand(Eid eid, Optional<Aid> targetedApplication, CommandScript script, Instant deadline) {
        this.eid = eid;
        this.targetedApplication = targetedApplication;
        this.script = script;
        this.deadline = deadline;
    }

    Eid eid() {
        return eid;
    }

    Optional<Aid> targetedApplication() {
        return targetedApplication;
    }

    CommandScript script() {
        return script;
    }

    Instant deadline() {
        return deadline;
    }

    CompletableFuture<ResponseScript> result() {
        return result;
    }

    boolean isDone() {
        return result.isDone();
    }

    void deadlineTimer(ScheduledFuture<?> timer) {
        deadlineTimer = timer;
        if (result.isDone()) {
            timer.cancel(false);
        }
    }

    void complete(ResponseScript response) {
        result.complete(response);
        cancelTimer();
    }

    void fail(RuntimeException cause) {
        result.completeExceptionally(cause);
        cancelTimer();
    }

    private void cancelTimer() {
        ScheduledFuture<?> timer = deadlineTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "PendingCommand[" + eid + ", " + script.size() + " APDUs, deadline " + deadline + "]";
    }
}
