package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DESIGN.md §3.2 step 3: the command queue of each card and the coordination between the ES3 side, which submits
 * scripts, and the card's admin sessions, which carry them. One card, one FIFO queue, at most one script held by the
 * card at a time; a session takes every queued script and lingers briefly for more, so a whole provisioning needs one
 * push and one handshake.
 *
 * <ul>
 *   <li><b>Push.</b> A submit while no session is open sends a push SMS, unless one was sent less than
 *       {@code pushRetry} ago and no session came since (then the next submit after that time pushes again). A
 *       session that ends with scripts still queued (it broke) brings another push, no sooner than {@code pushRetry}
 *       after the previous one. A push the SMS-C refuses for good fails the card's queued scripts with
 *       {@link CardNotReachedException}; a retryable failure (time-out, no connection, 5xx) keeps them and pushes
 *       again after {@code pushRetry}.
 *   <li><b>Deadline.</b> At its deadline a script still queued is dropped and fails with
 *       {@link CardNotReachedException}; one the card holds fails the same way, and the card's late answer is
 *       discarded (the ES3 side reconciles with AuditEIS).
 *   <li><b>Sessions.</b> A card that opens a second session supersedes the first: the old one gets no more scripts
 *       and ends with {@code 204} once its current exchange is over; the new one waits for that exchange, so a card
 *       never holds two scripts.
 * </ul>
 *
 * <p>Deviation from DESIGN.md §7: the queue is held in memory, not in the database; scripts queued when the SM-SR
 * stops fail their callers, who see the failure in-band. A card with nothing queued and no session is forgotten, so
 * memory follows the cards in provisioning, not the fleet.
 */
final class CardCommandQueues implements AdminChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CardCommandQueues.class);

    private final ConcurrentHashMap<Eid, Card> cards = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final PushSender pushSender;
    private final Clock clock;
    private final Duration pushRetry;
    private final Es5Timers timers;
    private final Executor worker;

    /**
     * @param worker runs pushes and deadline failures (callbacks of the returned futures may be slow): a virtual
     *     thread per task in production
     */
    CardCommandQueues(PushSender pushSender, Clock clock, Duration pushRetry, Es5Timers timers, Executor worker) {
        this.pushSender = Objects.requireNonNull(pushSender, "pushSender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pushRetry = Objects.requireNonNull(pushRetry, "pushRetry");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    @Override
    public CompletableFuture<ResponseScript> submit(
            Eid eid, Optional<Aid> targetedApplication, CommandScript script, Instant deadline) {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(targetedApplication, "targetedApplication");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(deadline, "deadline");
        PendingCommand command = new PendingCommand(eid, targetedApplication, script, deadline);
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            command.fail(new CardNotReachedException(eid, "the deadline passed before the script was queued"));
            return command.result().copy();
        }
        Card card;
        boolean push;
        while (true) {
            card = cards.computeIfAbsent(eid, Card::new);
            card.lock.lock();
            try {
                if (card.retired) {
                    continue;
                }
                card.queue.addLast(command);
                queued.incrementAndGet();
                push = card.session == null && card.pushDue(now, pushRetry);
                if (push) {
                    card.pushed(now);
                }
                card.changed.signalAll();
                break;
            } finally {
                card.lock.unlock();
            }
        }
        Card owner = card;
        command.deadlineTimer(timers.schedule(() -> expire(owner, command), Duration.between(now, deadline)));
        if (push) {
            worker.execute(() -> push(owner));
        }
        return command.result().copy();
    }

    /**
     * The SM-SR stops: every script still queued or held by a card fails with {@link CardNotReachedException} now,
     * rather than leaving its caller waiting for a deadline no timer will mark.
     */
    @Override
    public void close() {
        List<PendingCommand> pending = new ArrayList<>();
        for (Card card : cards.values()) {
            card.lock.lock();
            try {
                pending.addAll(card.queue);
                queued.addAndGet(-card.queue.size());
                card.queue.clear();
                if (card.inFlight != null) {
                    pending.add(card.inFlight);
                }
                card.session = null;
                card.changed.signalAll();
            } finally {
                card.lock.unlock();
            }
        }
        pending.forEach(command -> command.fail(new CardNotReachedException(command.eid(), "the SM-SR is stopping")));
    }

    /** Scripts queued for all cards, not yet sent. */
    int queueDepth() {
        return queued.get();
    }

    /** Cards with a queue, a session or a script on the card. */
    int activeCards() {
        return cards.size();
    }

    /** An admin session of {@code eid} began (the card is authenticated by its PSK). */
    SessionTicket attach(Eid eid) {
        while (true) {
            Card card = cards.computeIfAbsent(eid, Card::new);
            card.lock.lock();
            try {
                if (card.retired) {
                    continue;
                }
                SessionTicket ticket = new SessionTicket(card);
                card.session = ticket;
                card.pushedAt = null; // the card came: no push outstanding
                card.changed.signalAll();
                return ticket;
            } finally {
                card.lock.unlock();
            }
        }
    }

    /**
     * The next script for this session to send: the head of the queue as soon as the card holds no other script.
     * With the queue empty, waits up to {@code linger} for a submit; if none comes (or the session was superseded),
     * returns empty and the session is over: a later submit pushes again.
     */
    Optional<PendingCommand> next(SessionTicket ticket, Duration linger) throws InterruptedException {
        Card card = ticket.card;
        List<PendingCommand> expired = new ArrayList<>();
        long lingerNanos = linger.toNanos();
        card.lock.lock();
        try {
            while (true) {
                if (card.session != ticket) {
                    return Optional.empty();
                }
                if (card.inFlight == null) {
                    PendingCommand command = pollLive(card, expired);
                    if (command != null) {
                        card.inFlight = command;
                        card.inFlightOwner = ticket;
                        return Optional.of(command);
                    }
                    if (lingerNanos <= 0) {
                        card.session = null;
                        retireIfIdle(card);
                        return Optional.empty();
                    }
                    lingerNanos = card.changed.awaitNanos(lingerNanos);
                } else if (card.inFlightOwner == ticket) {
                    throw new IllegalStateException("the session asked for a script before answering the last");
                } else {
                    // A superseded session's exchange is still open: it ends by an answer or a broken connection.
                    card.changed.await();
                }
            }
        } finally {
            card.lock.unlock();
            failLater(expired, "the deadline passed before the script was sent");
        }
    }

    /** The card answered {@code command}. */
    void complete(SessionTicket ticket, PendingCommand command, ResponseScript response) {
        release(ticket.card, command);
        command.complete(response);
    }

    /** The exchange of {@code command} failed (script status, malformed answer). */
    void fail(SessionTicket ticket, PendingCommand command, RuntimeException cause) {
        release(ticket.card, command);
        command.fail(cause);
    }

    /**
     * The session's connection is gone. A script the card held through this session fails with
     * {@link AdminSessionException.Reason#SESSION_LOST}; scripts still queued bring a new push.
     */
    void detach(SessionTicket ticket) {
        Card card = ticket.card;
        PendingCommand lost = null;
        Duration pushDelay = null;
        card.lock.lock();
        try {
            if (card.inFlight != null && card.inFlightOwner == ticket) {
                lost = card.inFlight;
                card.inFlight = null;
                card.inFlightOwner = null;
            }
            if (card.session == ticket) {
                card.session = null;
            }
            if (card.session == null && !card.queue.isEmpty()) {
                pushDelay = card.lastPushAt == null
                        ? Duration.ZERO
                        : Duration.between(clock.instant(), card.lastPushAt.plus(pushRetry));
            }
            card.changed.signalAll();
            retireIfIdle(card);
        } finally {
            card.lock.unlock();
        }
        if (lost != null) {
            lost.fail(AdminSessionException.sessionLost(card.eid));
        }
        if (pushDelay != null) {
            timers.schedule(() -> pushIfStillNeeded(card), pushDelay);
        }
    }

    private void release(Card card, PendingCommand command) {
        card.lock.lock();
        try {
            if (card.inFlight == command) {
                card.inFlight = null;
                card.inFlightOwner = null;
                card.changed.signalAll();
                retireIfIdle(card);
            }
        } finally {
            card.lock.unlock();
        }
    }

    private void expire(Card card, PendingCommand command) {
        card.lock.lock();
        try {
            if (card.queue.remove(command)) {
                queued.decrementAndGet();
                retireIfIdle(card);
            }
        } finally {
            card.lock.unlock();
        }
        if (!command.isDone()) {
            String pushFailure = card.lastPushFailure;
            String reason = pushFailure == null
                    ? "no answer before the deadline"
                    : "no answer before the deadline; the last push SMS failed: " + pushFailure;
            worker.execute(() -> command.fail(new CardNotReachedException(command.eid(), reason)));
        }
    }

    private void pushIfStillNeeded(Card card) {
        boolean push;
        card.lock.lock();
        try {
            push = !card.retired && card.session == null && !card.queue.isEmpty();
            if (push) {
                card.pushed(clock.instant());
            }
        } finally {
            card.lock.unlock();
        }
        if (push) {
            worker.execute(() -> push(card));
        }
    }

    private void push(Card card) {
        try {
            pushSender.push(card.eid);
            card.lastPushFailure = null;
            log.debug("push SMS accepted for eUICC {}", card.eid);
        } catch (PushFailedException e) {
            if (e.retryable()) {
                // The SMS may still arrive, or the SMS-C recover: keep the scripts (their deadlines still hold)
                // and push again after pushRetry unless the card comes first.
                log.warn("push SMS for eUICC {} failed, pushing again in {}: {}", card.eid, pushRetry, e.getMessage());
                card.lastPushFailure = e.getMessage();
                timers.schedule(() -> pushIfStillNeeded(card), pushRetry);
            } else {
                failQueued(card, e);
            }
        } catch (RuntimeException e) {
            failQueued(card, e);
        }
    }

    private void failQueued(Card card, Exception e) {
        log.warn("push SMS for eUICC {} failed: {}", card.eid, e.getMessage());
        List<PendingCommand> failed = new ArrayList<>();
        card.lock.lock();
        try {
            if (card.session == null) {
                while (!card.queue.isEmpty()) {
                    failed.add(card.queue.pollFirst());
                    queued.decrementAndGet();
                }
                card.pushedAt = null;
                retireIfIdle(card);
            }
        } finally {
            card.lock.unlock();
        }
        CardNotReachedException cause =
                new CardNotReachedException(card.eid, "push SMS not accepted: " + e.getMessage(), e);
        failed.forEach(command -> command.fail(cause));
    }

    /** Head of the queue that is still wanted; those past their deadline go to {@code expired}. */
    private PendingCommand pollLive(Card card, List<PendingCommand> expired) {
        Instant now = clock.instant();
        PendingCommand command;
        while ((command = card.queue.pollFirst()) != null) {
            queued.decrementAndGet();
            if (command.isDone()) {
                continue;
            }
            if (!now.isBefore(command.deadline())) {
                expired.add(command);
                continue;
            }
            return command;
        }
        return null;
    }

    private void failLater(List<PendingCommand> commands, String reason) {
        for (PendingCommand command : commands) {
            worker.execute(() -> command.fail(new CardNotReachedException(command.eid(), reason)));
        }
    }

    /** Called with the card's lock held. */
    private void retireIfIdle(Card card) {
        if (card.queue.isEmpty() && card.session == null && card.inFlight == null && !card.retired) {
            card.retired = true;
            cards.remove(card.eid, card);
        }
    }

    /** One admin session's claim on its card's queue. */
    static final class SessionTicket {

        private final Card card;

        private SessionTicket(Card card) {
            this.card = card;
        }

        Eid eid() {
            return card.eid;
        }
    }

    /** A card's queue and session state; every field guarded by {@link #lock}. */
    private static final class Card {

        final Eid eid;
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final ArrayDeque<PendingCommand> queue = new ArrayDeque<>();
        SessionTicket session;
        PendingCommand inFlight;
        SessionTicket inFlightOwner;
        /** When the outstanding push was sent; null when none is outstanding (no push, or the card came). */
        Instant pushedAt;
        /** When the last push was sent, answered or not. */
        Instant lastPushAt;
        /** Why the last push failed when it may still be retried; null once a push went through. */
        volatile String lastPushFailure;
        /** Removed from the map: a new submit or session makes a fresh entry. */
        boolean retired;

        Card(Eid eid) {
            this.eid = eid;
        }

        boolean pushDue(Instant now, Duration pushRetry) {
            return pushedAt == null || !now.isBefore(pushedAt.plus(pushRetry));
        }

        void pushed(Instant now) {
            pushedAt = now;
            lastPushAt = now;
        }
    }
}
