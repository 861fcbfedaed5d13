package io.openrsp.smdp.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubscriptionAddress;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.PeStatus;
import io.openrsp.rsp.saip.PeStatusCode;
import io.openrsp.smdp.es3.Es3Client;
import io.openrsp.smdp.es3.Es3ClientProperties;
import io.openrsp.smdp.es3.Es3TransportException;
import io.openrsp.smdp.inventory.InventoryException;
import io.openrsp.smdp.inventory.ProfileInventory;
import io.openrsp.smdp.inventory.ProfileRecord;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §4 and §7: executes the five steps of each order on virtual threads, at most
 * {@code openrsp.smdp.order.max-running} at once (the others wait in ACCEPTED), and makes every order durable.
 *
 * <p><b>Steps.</b> EUICC_REGISTRATION: ES3 GetEIS (the EIS is kept in memory for step 3). ISDP_CREATION: ES3
 * CreateISDP, {@code mnoId} = the operator, {@code requiredMemory} = the package size rounded up to 1 KiB plus 8 KiB;
 * the AID is stored on the order. KEY_ESTABLISHMENT and PROFILE_DOWNLOAD: {@link ProfileDownloads} (ES8 over ES3
 * SendData); an EUICCResponse that is not a success fails the order; then ES3 ProfileDownloadCompleted (ICCID,
 * profile type, IMSI) and the inventory marks the profile INSTALLED in the transaction that ends the step.
 * PROFILE_ENABLING: ES3 EnableProfile, or SKIPPED when not asked for.
 *
 * <p><b>Durability.</b> Each step is RUNNING (committed, with its start time) before its first call and DONE or
 * FAILED (committed, with its end time) after its last. ES3 call ids are deterministic: {@code <order>-<step>-<attempt>}
 * (SendData: {@code <order>-<step>-<attempt>-<n>}), so a call repeated after a crash gets the SM-SR's first answer
 * (it keeps processed call ids) instead of running twice. At start-up every ACCEPTED or RUNNING order is resumed:
 * DONE steps are kept; a RUNNING EUICC_REGISTRATION, ISDP_CREATION or PROFILE_ENABLING is repeated with the same call
 * id; key establishment restarts (the keys are never persisted) with attempt + 1, and the download after it; an
 * order whose recorded steps make no sense fails with {@link FailureReason#INTERRUPTED}.
 *
 * <p><b>Failure.</b> The failing step is FAILED and the failure recorded in one transaction; then the clean-up: if an
 * ISD-P was (or may have been) created and the profile is not installed, ES3 DeleteISDP, best effort, its outcome
 * added to the failure message; the profile goes back to the inventory unless its package may sit in an ISD-P that
 * could not be deleted. A failure at PROFILE_ENABLING leaves the profile installed (disabled) and allocated. Then the
 * order is FAILED. A crash during the clean-up repeats it at start-up (same call ids).
 *
 * <p>Deviation: one SM-DP instance per database; two instances would both resume the same RUNNING orders.
 */
@Component
public class OrderRunner {

    private static final Logger log = LoggerFactory.getLogger(OrderRunner.class);

    private static final long KIB = 1024;
    /** Memory for the ISD-P itself on top of the profile (an estimate; the SM-SR checks it against the EIS). */
    private static final long ISDP_OVERHEAD = 8 * KIB;

    private static final int MAX_PEER_TEXT = 200;

    private final OrderStore store;
    private final ProfileInventory inventory;
    private final Es3Client es3;
    private final String smdpId;
    private final ProfileDownloads downloads;
    private final OrderProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    OrderRunner(
            OrderStore store,
            ProfileInventory inventory,
            Es3Client es3,
            Es3ClientProperties es3Properties,
            ProfileDownloads downloads,
            OrderProperties properties,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            @Qualifier(OrderConfiguration.EXECUTOR) ExecutorService executor) {
        this.store = store;
        this.inventory = inventory;
        this.es3 = es3;
        this.smdpId = es3Properties.id();
        this.downloads = downloads;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.executor = executor;
        this.permits = new Semaphore(properties.maxRunning());
        Gauge.builder("openrsp.smdp.orders.running", () -> properties.maxRunning() - permits.availablePermits())
                .description("orders executing now")
                .register(meters);
    }

    /** Queues the order; it runs when a slot is free. An order already queued or running here is not queued twice. */
    void submit(String orderId) {
        if (stopping || !active.add(orderId)) {
            return;
        }
        try {
            executor.execute(() -> runWhenFree(orderId));
        } catch (RejectedExecutionException e) {
            active.remove(orderId); // shutting down: the order stays ACCEPTED and is resumed at the next start
        }
    }

    /** Queues every order that is ACCEPTED or RUNNING (at start-up: what the last run left). */
    @EventListener(ApplicationReadyEvent.class)
    public int resumeUnfinished() {
        List<String> unfinished = store.idsIn(List.of(OrderState.RUNNING, OrderState.ACCEPTED));
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished orders", unfinished.size());
        }
        unfinished.forEach(this::submit);
        return unfinished.size();
    }

    /**
     * Stops taking orders, lets running ones finish for {@code shutdown-grace}, then interrupts them: an interrupted
     * order is left as it is (RUNNING) and resumed at the next start, never failed for the shutdown.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runWhenFree(String orderId) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active.remove(orderId);
            return;
        }
        MDC.put("orderId", orderId);
        try {
            store.find(orderId)
                    .filter(order -> !order.state().isFinal())
                    .filter(order -> order.state() == OrderState.RUNNING || store.start(orderId))
                    .ifPresent(order -> new Execution(order).run());
        } catch (RuntimeException e) {
            // e.g. the database is gone: the order stays as recorded and is resumed at the next start
            log.error("order {} stopped", orderId, e);
        } finally {
            MDC.remove("orderId");
            permits.release();
            active.remove(orderId);
        }
    }

    /** Runs one order: the work of one runner thread, with what it holds in memory (EIS, keys). */
    private final class Execution {

        /** What one step does; it may return work to commit with the step's DONE. */
        private interface StepBody {
            @Nullable
            Runnable run() throws StepException, Es3TransportException;
        }

        private final String id;
        private OrderRecord order;
        private @Nullable Eis eis;
        private ProfileDownloads.@Nullable KeySession keys;
        private @Nullable Aid isdp;
        private boolean downloadStarted;
        private boolean installed;

        Execution(OrderRecord order) {
            this.id = order.id();
            this.order = order;
            this.isdp = order.isdpAid();
            this.installed = order.step(StepName.PROFILE_DOWNLOAD).state() == StepState.DONE;
        }

        void run() {
            OrderView.Failure recorded = order.failure();
            if (recorded != null) { // failed before a crash, clean-up not finished: finish it
                downloadStarted = installed || recorded.step() == StepName.PROFILE_DOWNLOAD;
                cleanUpAndFail(recorded);
                return;
            }
            String inconsistency = inconsistency();
            if (inconsistency != null) {
                store.failUnreadableSteps(id);
                StepName at = firstUnfinished();
                downloadStarted = order.step(StepName.PROFILE_DOWNLOAD).state() != StepState.PENDING;
                fail(at, FailureReason.INTERRUPTED, "the order could not be resumed: " + inconsistency, null, 0);
                return;
            }
            StepState keyEstablishment = order.step(StepName.KEY_ESTABLISHMENT).state();
            if (order.step(StepName.PROFILE_DOWNLOAD).state() == StepState.RUNNING) {
                downloadStarted = true; // the package may have reached the card before the crash
            }
            if ((keyEstablishment == StepState.DONE || keyEstablishment == StepState.RUNNING) && !installed) {
                int attempt = store.restartKeyEstablishment(id);
                log.info("order {}: key establishment restarts (attempt {})", id, attempt);
                order = store.find(id).orElseThrow();
            }
            for (StepName step : StepName.values()) {
                StepState state = order.step(step).state();
                if (state == StepState.DONE || state == StepState.SKIPPED) {
                    continue;
                }
                if (stopping) {
                    return; // resumed at the next start
                }
                if (!runStep(step)) {
                    return;
                }
            }
            if (store.finish(id, OrderState.COMPLETED, clock.instant(), null)) {
                ended(OrderState.COMPLETED);
            }
        }

        private boolean runStep(StepName step) {
            return switch (step) {
                case EUICC_REGISTRATION ->
                    timed(step, () -> {
                        eis = getEis(callId(step));
                        return null;
                    });
                case ISDP_CREATION -> timed(step, this::createIsdp);
                case KEY_ESTABLISHMENT -> timed(step, this::establishKeys);
                case PROFILE_DOWNLOAD -> timed(step, this::download);
                case PROFILE_ENABLING -> {
                    if (!order.enable()) {
                        store.stepEnded(id, step, StepState.SKIPPED, null);
                        events.publishEvent(new OrderStepEnded(id));
                        yield true;
                    }
                    yield timed(step, () -> {
                        var response = es3.enableProfile(new Es3.EnableProfile.Request(
                                header(callId(step)), validity(), eidDigits(), iccidDigits()));
                        requireExecuted(Es3.EnableProfile.NAME, response.header());
                        return null;
                    });
                }
            };
        }

        private @Nullable Runnable createIsdp() throws StepException, Es3TransportException {
            long size = packageSize();
            long requiredMemory = (size + KIB - 1) / KIB * KIB + ISDP_OVERHEAD;
            var response = es3.createIsdp(new Es3.CreateIsdp.Request(
                    header(callId(StepName.ISDP_CREATION)),
                    validity(),
                    eidDigits(),
                    iccidDigits(),
                    order.operator(),
                    requiredMemory,
                    true));
            requireExecuted(Es3.CreateIsdp.NAME, response.header());
            Aid created;
            try {
                created = Aid.fromHex(response.isdpAid());
            } catch (RuntimeException e) {
                throw new StepException(
                        FailureReason.TRANSPORT, Es3.CreateIsdp.NAME + ": the SM-SR answered no valid isdpAid");
            }
            isdp = created;
            return () -> store.setIsdpAid(id, created);
        }

        private @Nullable Runnable establishKeys() throws StepException, Es3TransportException {
            Eis known = eis;
            if (known == null) { // registration was checked before a restart: read the EIS again for its ECASD
                known = getEis(id + "-" + StepName.EUICC_REGISTRATION + "-" + order.attempt());
                eis = known;
            }
            keys = downloads.establishKeySet(
                    order.eid(), known, requireIsdp(), callIds(StepName.KEY_ESTABLISHMENT), validity());
            return null;
        }

        private @Nullable Runnable download() throws StepException, Es3TransportException {
            ProfileDownloads.KeySession session = keys;
            if (session == null) {
                throw new StepException(FailureReason.INTERRUPTED, "no key set was established in this run");
            }
            downloadStarted = true;
            byte[] profilePackage = openPackage();
            EuiccResponse answer;
            try {
                answer = session.downloadProfile(profilePackage, callIds(StepName.PROFILE_DOWNLOAD), validity());
            } finally {
                Arrays.fill(profilePackage, (byte) 0);
            }
            if (!answer.isSuccess()) {
                throw new StepException(FailureReason.PROFILE_REJECTED, rejection(answer));
            }
            ProfileRecord profile = inventory
                    .find(order.iccid())
                    .orElseThrow(() -> new StepException(
                            FailureReason.INTERNAL_ERROR, "profile " + order.iccid() + " left the inventory"));
            var response = es3.profileDownloadCompleted(new Es3.ProfileDownloadCompleted.Request(
                    header(id + "-" + StepName.PROFILE_DOWNLOAD + "-" + order.attempt() + "-completed"),
                    validity(),
                    eidDigits(),
                    iccidDigits(),
                    order.profileType(),
                    new SubscriptionAddress(profile.imsi().digits(), null),
                    null));
            requireExecuted(Es3.ProfileDownloadCompleted.NAME, response.header());
            return () -> inventory.markInstalled(order.iccid());
        }

        /** Runs {@code body} as step {@code step}: RUNNING committed before, DONE or FAILED committed after. */
        private boolean timed(StepName step, StepBody body) {
            long started = System.nanoTime();
            store.stepStarted(id, step, clock.instant());
            try {
                Runnable commit = body.run();
                Instant ended = clock.instant();
                tx.executeWithoutResult(status -> {
                    if (commit != null) {
                        commit.run();
                    }
                    store.stepEnded(id, step, StepState.DONE, ended);
                });
                events.publishEvent(new OrderStepEnded(id));
                if (step == StepName.PROFILE_DOWNLOAD) {
                    installed = true;
                }
                timer(step, "success", started);
                return true;
            } catch (StepException e) {
                if (abandoned()) {
                    return false;
                }
                fail(step, e.reason(), e.getMessage(), e.statusCodeData().orElse(null), started);
                return false;
            } catch (Es3TransportException e) {
                if (abandoned()) {
                    return false;
                }
                fail(step, FailureReason.TRANSPORT, e.getMessage(), null, started);
                return false;
            } catch (RuntimeException e) {
                if (abandoned()) {
                    return false;
                }
                fail(step, unexpectedReason(e), unexpectedMessage(step, e), null, started);
                return false;
            }
        }

        /** The service is stopping and interrupted this order: leave it RUNNING, the next start resumes it. */
        private boolean abandoned() {
            if (stopping && Thread.currentThread().isInterrupted()) {
                log.info("order {} interrupted by shutdown; it resumes at the next start", id);
                return true;
            }
            return false;
        }

        private void fail(
                StepName step,
                FailureReason reason,
                String message,
                @Nullable StatusCodeData statusCodeData,
                long startedNanos) {
            OrderView.Failure failure = new OrderView.Failure(step, reason, message, statusCodeData);
            Instant ended = clock.instant();
            tx.executeWithoutResult(status -> {
                store.stepEnded(id, step, StepState.FAILED, ended);
                store.recordFailure(id, failure);
            });
            if (startedNanos != 0) {
                timer(step, "failure", startedNanos);
            }
            log.info("order {} failed at {}: {} {}", id, step, reason, message);
            cleanUpAndFail(failure);
        }

        private void cleanUpAndFail(OrderView.Failure failure) {
            StringBuilder message = new StringBuilder(failure.message());
            if (installed) {
                message.append(" The profile stays installed (disabled) on the eUICC.");
            } else {
                boolean isdpMayExist = isdp != null
                        || (failure.step() == StepName.ISDP_CREATION && failure.reason() != FailureReason.ES3_FAILED);
                boolean cardClean = !isdpMayExist || deleteIsdp(message);
                if (cardClean || !downloadStarted) {
                    release(message);
                } else {
                    message.append(" The profile stays allocated to this eUICC: its ISD-P may still hold it.");
                }
            }
            if (store.finish(id, OrderState.FAILED, clock.instant(), message.toString())) {
                ended(OrderState.FAILED);
            }
        }

        /** Best effort: whether the card (and the EIS) now hold no ISD-P for this profile. */
        private boolean deleteIsdp(StringBuilder message) {
            try {
                var response = es3.deleteIsdp(new Es3.DeleteIsdp.Request(
                        header(id + "-DELETE_ISDP-" + order.attempt()), validity(), eidDigits(), iccidDigits()));
                FunctionExecutionStatus status = response.header().functionExecutionStatus();
                if (executed(status)) {
                    message.append(" The ISD-P was deleted.");
                    return true;
                }
                StatusCodeData code = status.statusCodeData();
                if (status.status() == ExecutionStatus.FAILED
                        && code != null
                        && code.reasonCode() == ReasonCode.UNKNOWN) {
                    message.append(" No ISD-P was left to delete.");
                    return true;
                }
                message.append(" Deleting the ISD-P failed: ")
                        .append(status.status().wireValue())
                        .append(detail(code))
                        .append('.');
            } catch (Es3TransportException e) {
                message.append(" Deleting the ISD-P failed: ")
                        .append(e.getMessage())
                        .append('.');
            } catch (RuntimeException e) {
                log.error("order {}: DeleteISDP failed", id, e);
                message.append(" Deleting the ISD-P failed: internal error.");
            }
            return false;
        }

        private void release(StringBuilder message) {
            try {
                inventory.release(order.iccid(), id);
                message.append(" The profile was released to the inventory.");
            } catch (InventoryException e) {
                // already released by an earlier attempt of this clean-up, or no longer this order's
                message.append(" The profile is no longer allocated to this order.");
            }
        }

        private void ended(OrderState state) {
            Counter.builder("openrsp.smdp.orders.ended")
                    .description("orders that reached a final state")
                    .tag("outcome", state.name().toLowerCase(Locale.ROOT))
                    .register(meters)
                    .increment();
            OrderView view = store.find(id).map(OrderRecord::view).orElseThrow();
            log.info("order {} {}", id, state);
            try {
                events.publishEvent(new OrderEnded(view));
            } catch (RuntimeException e) {
                log.error("order {}: a listener of OrderEnded failed", id, e);
            }
        }

        private @Nullable String inconsistency() {
            int phase = 0; // 0: done so far, 1: one step started (RUNNING), 2: only PENDING may follow
            for (StepName step : StepName.values()) {
                StepState state = order.step(step).state();
                if (state == null) {
                    return "step " + step + " has no readable state";
                }
                boolean finished =
                        state == StepState.DONE || (state == StepState.SKIPPED && step == StepName.PROFILE_ENABLING);
                if (phase == 0 && finished) {
                    continue;
                }
                if (phase == 0 && state == StepState.RUNNING) {
                    phase = 1;
                } else if (state == StepState.PENDING) {
                    phase = 2;
                } else {
                    return "step " + step + " is " + state + " after the steps before it";
                }
            }
            if (order.step(StepName.ISDP_CREATION).state() == StepState.DONE && order.isdpAid() == null) {
                return "ISDP_CREATION is DONE but no ISD-P is recorded";
            }
            return null;
        }

        private StepName firstUnfinished() {
            for (StepName step : StepName.values()) {
                StepState state = order.step(step).state();
                if (state != StepState.DONE && state != StepState.SKIPPED) {
                    return step;
                }
            }
            return StepName.PROFILE_ENABLING;
        }

        private Eis getEis(String callId) throws StepException, Es3TransportException {
            var response = es3.getEis(new Es3.GetEis.Request(header(callId), eidDigits()));
            requireExecuted(Es3.GetEis.NAME, response.header());
            if (response.eis() == null) {
                throw new StepException(FailureReason.TRANSPORT, Es3.GetEis.NAME + ": the SM-SR answered no EIS");
            }
            return response.eis();
        }

        private long packageSize() throws StepException {
            byte[] profilePackage = openPackage();
            Arrays.fill(profilePackage, (byte) 0);
            return profilePackage.length;
        }

        private byte[] openPackage() throws StepException {
            try {
                return inventory.openPackage(order.iccid());
            } catch (IllegalStateException | InventoryException e) {
                throw new StepException(FailureReason.CONFIGURATION, e.getMessage());
            }
        }

        private Aid requireIsdp() throws StepException {
            if (isdp == null) {
                throw new StepException(FailureReason.INTERRUPTED, "no ISD-P is recorded for this order");
            }
            return isdp;
        }

        private RequestHeader header(String callId) {
            return new RequestHeader(smdpId, callId);
        }

        private String callId(StepName step) {
            return id + "-" + step + "-" + order.attempt();
        }

        private Supplier<String> callIds(StepName step) {
            String prefix = callId(step) + "-";
            AtomicInteger next = new AtomicInteger();
            return () -> prefix + next.incrementAndGet();
        }

        private int validity() {
            return properties.validityPeriodSeconds();
        }

        private String eidDigits() {
            return order.eid().digits();
        }

        private String iccidDigits() {
            return order.iccid().digits();
        }
    }

    /** {@code openrsp.smdp.order.step}: one step's duration, {@code outcome} {@code success} or {@code failure}. */
    private void timer(StepName step, String outcome, long startedNanos) {
        Timer.builder("openrsp.smdp.order.step")
                .description("duration of one order step")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** An ES3 function's outcome: success (or a warning) continues; Failed and Expired fail the step. */
    static void requireExecuted(String function, ResponseHeader header) throws StepException {
        FunctionExecutionStatus status = header.functionExecutionStatus();
        if (executed(status)) {
            return;
        }
        StatusCodeData code = status.statusCodeData();
        if (status.status() == ExecutionStatus.EXPIRED) {
            throw new StepException(
                    FailureReason.ES3_EXPIRED, function + ": Expired at the SM-SR" + detail(code), code);
        }
        throw new StepException(FailureReason.ES3_FAILED, function + ": Failed at the SM-SR" + detail(code), code);
    }

    private static boolean executed(FunctionExecutionStatus status) {
        return status.status() == ExecutionStatus.EXECUTED_SUCCESS
                || status.status() == ExecutionStatus.EXECUTED_WITH_WARNING;
    }

    /** " (8.1 eUICC / 4.8 Insufficient Memory: message)", the peer's message made printable and bounded. */
    static String detail(@Nullable StatusCodeData code) {
        if (code == null) {
            return "";
        }
        String message = code.message() == null ? "" : ": " + printable(code.message());
        return " (" + code.subjectCode().code() + " " + code.subjectCode().description() + " / "
                + code.reasonCode().code() + " " + code.reasonCode().description() + message + ")";
    }

    static String rejection(EuiccResponse answer) {
        StringBuilder text = new StringBuilder("the eUICC did not install the profile");
        if (answer.profileInstallationAborted()) {
            text.append(" (installation aborted)");
        }
        answer.peStatus().stream()
                .filter(s -> s.status() != PeStatusCode.OK.value())
                .findFirst()
                .ifPresent(s -> text.append(": ").append(describe(s)));
        if (answer.statusMessage() != null) {
            text.append(": ").append(printable(answer.statusMessage()));
        }
        return text.toString();
    }

    private static String describe(PeStatus status) {
        String name = status.code().map(Enum::name).orElse("status " + status.status());
        return status.identification() == null ? name : name + " at element " + status.identification();
    }

    private static FailureReason unexpectedReason(RuntimeException e) {
        return e instanceof IllegalStateException ? FailureReason.CONFIGURATION : FailureReason.INTERNAL_ERROR;
    }

    private static String unexpectedMessage(StepName step, RuntimeException e) {
        if (e instanceof IllegalStateException || e instanceof InventoryException) {
            return e.getMessage(); // written for operators: names a setting or a profile, never a secret
        }
        log.error("order step {} failed unexpectedly", step, e);
        return "internal error in the SM-DP during " + step;
    }

    private static String printable(String text) {
        String safe = text.replaceAll("[^\\x20-\\x7E]", "?").strip();
        return safe.length() > MAX_PEER_TEXT ? safe.substring(0, MAX_PEER_TEXT) : safe;
    }
}
