package io.openrsp.smdp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.FakeSmSr;
import io.openrsp.smdp.inventory.InventoryCount;
import io.openrsp.smdp.inventory.ProfileInventory;
import io.openrsp.smdp.inventory.ProfileRecord;
import io.openrsp.smdp.inventory.ProfileState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Orders against a real database and a real ES3 peer over TLS ({@link FakeSmSr}), the ES8 steps scripted
 * ({@link ScriptedDownloads}): the five steps and their timings, failures with their clean-up, resume after a crash,
 * ES2 idempotency and concurrent allocation. Subclasses give the database; each test uses its own profile type and
 * EIDs, so tests do not see each other's rows. The ES3 peer is shared by the subclasses (one per JVM, stopped with
 * it): their Spring contexts stay cached while the next class runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(OrderScenario.Scripted.class)
abstract class OrderScenario {

    static final String OPERATOR = "Operator-1";
    private static final TestPki PKI = TestPki.create();
    static final FakeSmSr SM_SR = FakeSmSr.start(PKI);
    private static final AtomicInteger EIDS = new AtomicInteger(1000);
    private static final Duration DONE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void common(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add("OPENRSP_MASTER_KEY", () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + SM_SR.port());
        registry.add("openrsp.smdp.order.max-running", () -> "16");
    }

    @TestConfiguration
    static class Scripted {

        @Bean
        @Primary
        ScriptedDownloads scriptedDownloads() {
            return new ScriptedDownloads();
        }

        @Bean
        EndedOrders endedOrders() {
            return new EndedOrders();
        }
    }

    /** Collects {@link OrderEnded} events. */
    static final class EndedOrders {
        final ConcurrentLinkedQueue<OrderView> ended = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(OrderEnded event) {
            ended.add(event.order());
        }
    }

    @Autowired
    Orders orders;

    @Autowired
    OrderRunner runner;

    @Autowired
    OrderCompletions completions;

    @Autowired
    ProfileInventory inventory;

    @Autowired
    ScriptedDownloads downloads;

    @Autowired
    EndedOrders endedOrders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    static Eid newEid() {
        return Eid.withCheckDigits(String.format("890490320000000000%012d", EIDS.incrementAndGet()));
    }

    static Es2.DownloadProfile.Request byType(String callId, Eid eid, String profileType, boolean enable) {
        return new Es2.DownloadProfile.Request(
                new RequestHeader(OPERATOR, callId), null, eid.digits(), null, profileType, null, enable);
    }

    private OrderView accept(Es2.DownloadProfile.Request request) {
        Orders.Placement placement = orders.place(OPERATOR, request);
        assertThat(placement).isInstanceOf(Orders.Placement.Accepted.class);
        return ((Orders.Placement.Accepted) placement).order();
    }

    private StatusCodeData refusal(Es2.DownloadProfile.Request request) {
        Orders.Placement placement = orders.place(OPERATOR, request);
        assertThat(placement).isInstanceOf(Orders.Placement.Refused.class);
        return ((Orders.Placement.Refused) placement).why();
    }

    private OrderView awaitEnd(String orderId) {
        await().atMost(DONE)
                .until(() -> orders.find(orderId, null).orElseThrow().state().isFinal());
        return orders.find(orderId, null).orElseThrow();
    }

    private ProfileState profileState(String iccid) {
        return inventory.find(Iccid.of(iccid)).orElseThrow().state();
    }

    private long count(String profileType, ProfileState state) {
        return inventory.counts().stream()
                .filter(c -> c.profileType().equals(profileType) && c.state() == state)
                .mapToLong(InventoryCount::count)
                .sum();
    }

    @Test
    void placeWhenAllStepsSucceedThenCompletedWithFiveTimedStepsAndProfileInstalled() {
        inventory.generateDemo("ok", 1);
        Eid eid = newEid();

        OrderView accepted = accept(byType("call-ok", eid, "ok", true));
        OrderView order = awaitEnd(accepted.orderId());

        assertThat(accepted.state()).isIn(OrderState.ACCEPTED, OrderState.RUNNING, OrderState.COMPLETED);
        assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
        assertThat(order.failure()).isNull();
        assertThat(order.completedAt()).isNotNull();
        assertThat(order.steps()).extracting(OrderView.Step::name).containsExactly(StepName.values());
        for (OrderView.Step step : order.steps()) {
            assertThat(step.state()).isEqualTo(StepState.DONE);
            assertThat(step.startedAt()).isNotNull().isBeforeOrEqualTo(step.endedAt());
            assertThat(step.durationMillis())
                    .isEqualTo(
                            Duration.between(step.startedAt(), step.endedAt()).toMillis());
        }
        assertThat(order.isdpAid()).isEqualTo(downloads.isdps.get(eid.digits()).toString());
        assertThat(SM_SR.functions(eid.digits()))
                .containsExactly(
                        Es3.GetEis.NAME,
                        Es3.CreateIsdp.NAME,
                        Es3.ProfileDownloadCompleted.NAME,
                        Es3.EnableProfile.NAME);
        byte[] profilePackage = inventory.openPackage(Iccid.of(order.iccid()));
        assertThat(downloads.packages.get(eid.digits())).isEqualTo(profilePackage);
        var createIsdp =
                (Es3.CreateIsdp.Request) SM_SR.calls(eid.digits()).get(1).request();
        assertThat(createIsdp.header().functionCallIdentifier()).isEqualTo(order.orderId() + "-ISDP_CREATION-1");
        assertThat(createIsdp.mnoId()).isEqualTo(OPERATOR);
        assertThat(createIsdp.requiredMemory() % 1024).isZero();
        assertThat(createIsdp.requiredMemory() - 8192)
                .isGreaterThanOrEqualTo(profilePackage.length)
                .isLessThan(profilePackage.length + 1024);
        var completed = (Es3.ProfileDownloadCompleted.Request)
                SM_SR.calls(eid.digits()).get(2).request();
        ProfileRecord profile = inventory.find(Iccid.of(order.iccid())).orElseThrow();
        assertThat(completed.subscriptionAddress().imsi())
                .isEqualTo(profile.imsi().digits());
        assertThat(completed.profileType()).isEqualTo("ok");
        assertThat(profile.state()).isEqualTo(ProfileState.INSTALLED);
        assertThat(orders.operatorOf(eid, profile.iccid())).contains(OPERATOR);
        assertThat(downloads.callIdsStartingWith(order.orderId() + "-KEY_ESTABLISHMENT-1-"))
                .containsExactly(
                        order.orderId() + "-KEY_ESTABLISHMENT-1-1", order.orderId() + "-KEY_ESTABLISHMENT-1-2");
        await().atMost(DONE)
                .until(() -> endedOrders.ended.stream()
                        .anyMatch(o -> o.orderId().equals(order.orderId()) && o.state() == OrderState.COMPLETED));
        assertThat(meters.get("openrsp.smdp.order.step")
                        .tag("step", "PROFILE_DOWNLOAD")
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void awaitWhenStepsEndedGivenThenAnswersAtTheNextEndedStepNotOnlyAtTheEnd() throws Exception {
        inventory.generateDemo("progress", 1);
        Eid eid = newEid();
        CountDownLatch release = new CountDownLatch(1);
        SM_SR.holdCreateIsdp(eid.digits(), release);
        try {
            String id = accept(byType("call-progress", eid, "progress", true)).orderId();

            long asked = System.nanoTime();
            OrderView first = completions.await(id, null, DONE, 0).orElseThrow();
            // answered at the ended step, not when the 30 s wait ran out (the order is held at CreateISDP)
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(DONE.dividedBy(2));
            assertThat(first.state()).isEqualTo(OrderState.RUNNING);
            assertThat(first.step(StepName.EUICC_REGISTRATION).state()).isEqualTo(StepState.DONE);
            assertThat(first.step(StepName.ISDP_CREATION).state()).isIn(StepState.PENDING, StepState.RUNNING);

            // CreateISDP is held: a wait for a second ended step ends with the wait, on the same state.
            OrderView held =
                    completions.await(id, null, Duration.ofMillis(300), 1).orElseThrow();
            assertThat(held.state()).isEqualTo(OrderState.RUNNING);
            assertThat(held.step(StepName.ISDP_CREATION).state()).isIn(StepState.PENDING, StepState.RUNNING);

            release.countDown();
            asked = System.nanoTime();
            OrderView next = completions.await(id, null, DONE, 1).orElseThrow();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(DONE.dividedBy(2));
            assertThat(next.step(StepName.ISDP_CREATION).state()).isEqualTo(StepState.DONE);
            assertThat(awaitEnd(id).state()).isEqualTo(OrderState.COMPLETED);
        } finally {
            release.countDown();
        }
    }

    @Test
    void placeWhenEnableNotAskedThenEnablingSkippedAndNoEnableProfileSent() {
        inventory.generateDemo("no-enable", 1);
        Eid eid = newEid();

        OrderView order = awaitEnd(
                accept(byType("call-no-enable", eid, "no-enable", false)).orderId());

        assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
        OrderView.Step enabling = order.step(StepName.PROFILE_ENABLING);
        assertThat(enabling.state()).isEqualTo(StepState.SKIPPED);
        assertThat(enabling.startedAt()).isNull();
        assertThat(SM_SR.functions(eid.digits())).doesNotContain(Es3.EnableProfile.NAME);
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.INSTALLED);
    }

    @Test
    void placeWhenCreateIsdpFailedThenOrderFailedWithStatusCodeAndProfileReleasedWithoutDelete() {
        inventory.generateDemo("no-memory", 1);
        Eid eid = newEid();
        SM_SR.failCreateIsdp(eid.digits());

        OrderView order = awaitEnd(
                accept(byType("call-no-memory", eid, "no-memory", true)).orderId());

        assertThat(order.state()).isEqualTo(OrderState.FAILED);
        OrderView.Failure failure = order.failure();
        assertThat(failure).isNotNull();
        assertThat(failure.step()).isEqualTo(StepName.ISDP_CREATION);
        assertThat(failure.reason()).isEqualTo(FailureReason.ES3_FAILED);
        assertThat(failure.statusCodeData()).isEqualTo(FakeSmSr.NO_MEMORY);
        assertThat(failure.message()).contains("CreateISDP").contains("4.8").contains("released");
        assertThat(order.step(StepName.ISDP_CREATION).state()).isEqualTo(StepState.FAILED);
        assertThat(order.step(StepName.ISDP_CREATION).endedAt()).isNotNull();
        assertThat(order.step(StepName.KEY_ESTABLISHMENT).state()).isEqualTo(StepState.PENDING);
        assertThat(SM_SR.functions(eid.digits())).doesNotContain(Es3.DeleteIsdp.NAME);
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.AVAILABLE);
        await().atMost(DONE)
                .until(() -> endedOrders.ended.stream()
                        .anyMatch(o -> o.orderId().equals(order.orderId()) && o.state() == OrderState.FAILED));
        assertThat(meters.get("openrsp.smdp.order.step")
                        .tag("step", "ISDP_CREATION")
                        .tag("outcome", "failure")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void placeWhenKeyEstablishmentFailsThenIsdpDeletedAndProfileReleased() {
        inventory.generateDemo("keys-fail", 1);
        Eid eid = newEid();
        downloads.keysFail.add(eid.digits());

        OrderView order = awaitEnd(
                accept(byType("call-keys-fail", eid, "keys-fail", true)).orderId());

        assertThat(order.state()).isEqualTo(OrderState.FAILED);
        assertThat(order.failure().step()).isEqualTo(StepName.KEY_ESTABLISHMENT);
        assertThat(order.failure().reason()).isEqualTo(FailureReason.CARD_REFUSED);
        assertThat(order.failure().message())
                .startsWith(ScriptedDownloads.REFUSAL)
                .contains("The ISD-P was deleted.")
                .contains("released");
        assertThat(SM_SR.functions(eid.digits()))
                .containsExactly(Es3.GetEis.NAME, Es3.CreateIsdp.NAME, Es3.DeleteIsdp.NAME);
        var delete = (Es3.DeleteIsdp.Request) SM_SR.calls(eid.digits()).get(2).request();
        assertThat(delete.iccid()).isEqualTo(order.iccid());
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.AVAILABLE);
    }

    @Test
    void placeWhenCardRejectsPackageThenProfileRejectedIsdpDeletedAndProfileReleased() {
        inventory.generateDemo("rejected", 1);
        Eid eid = newEid();
        downloads.packageRejected.add(eid.digits());

        OrderView order =
                awaitEnd(accept(byType("call-rejected", eid, "rejected", true)).orderId());

        assertThat(order.failure().step()).isEqualTo(StepName.PROFILE_DOWNLOAD);
        assertThat(order.failure().reason()).isEqualTo(FailureReason.PROFILE_REJECTED);
        assertThat(order.failure().message()).contains("NOT_ENOUGH_MEMORY").contains("no room");
        assertThat(SM_SR.functions(eid.digits()))
                .doesNotContain(Es3.ProfileDownloadCompleted.NAME)
                .contains(Es3.DeleteIsdp.NAME);
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.AVAILABLE);
        assertThat(orders.operatorOf(eid, Iccid.of(order.iccid()))).isEmpty();
    }

    @Test
    void placeWhenEnableRefusedThenFailedAndProfileStaysInstalled() {
        inventory.generateDemo("enable-refused", 1);
        Eid eid = newEid();
        SM_SR.refuseEnable(eid.digits());

        OrderView order = awaitEnd(accept(byType("call-enable-refused", eid, "enable-refused", true))
                .orderId());

        assertThat(order.failure().step()).isEqualTo(StepName.PROFILE_ENABLING);
        assertThat(order.failure().statusCodeData()).isEqualTo(FakeSmSr.ENABLE_REFUSED);
        assertThat(order.failure().message()).contains("stays installed");
        assertThat(SM_SR.functions(eid.digits())).doesNotContain(Es3.DeleteIsdp.NAME);
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.INSTALLED);
        assertThat(orders.operatorOf(eid, Iccid.of(order.iccid()))).contains(OPERATOR);
    }

    @Test
    void placeWhenSameCallIdTwiceThenSameOrderAndOneProfile() {
        inventory.generateDemo("repeat", 3);
        Eid eid = newEid();

        Orders.Placement first = orders.place(OPERATOR, byType("call-repeat", eid, "repeat", false));
        Orders.Placement second = orders.place(OPERATOR, byType("call-repeat", eid, "repeat", false));

        assertThat(first)
                .isInstanceOfSatisfying(
                        Orders.Placement.Accepted.class,
                        a -> assertThat(a.created()).isTrue());
        assertThat(second).isInstanceOfSatisfying(Orders.Placement.Accepted.class, a -> {
            assertThat(a.created()).isFalse();
            assertThat(a.order().orderId())
                    .isEqualTo(((Orders.Placement.Accepted) first).order().orderId());
        });
        awaitEnd(((Orders.Placement.Accepted) first).order().orderId());
        assertThat(count("repeat", ProfileState.AVAILABLE)).isEqualTo(2);
        assertThat(count("repeat", ProfileState.INSTALLED)).isEqualTo(1);
    }

    @Test
    void placeWhenFiftyEidsRaceForFortyProfilesThenFortyDistinctProfilesAndTenRefused() throws Exception {
        inventory.generateDemo("race", 40);
        List<Future<Orders.Placement>> placements = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                Eid eid = newEid();
                String callId = "call-race-" + i;
                placements.add(threads.submit(() -> {
                    start.await();
                    return orders.place(OPERATOR, byType(callId, eid, "race", false));
                }));
            }
            start.countDown();
        }
        Set<String> iccids = new HashSet<>();
        List<String> orderIds = new ArrayList<>();
        int refused = 0;
        for (Future<Orders.Placement> placement : placements) {
            switch (placement.get()) {
                case Orders.Placement.Accepted accepted -> {
                    assertThat(iccids.add(accepted.order().iccid())).isTrue();
                    orderIds.add(accepted.order().orderId());
                }
                case Orders.Placement.Refused r -> {
                    assertThat(r.why().subjectCode()).isEqualTo(SubjectCode.PROFILE_TYPE);
                    refused++;
                }
            }
        }
        assertThat(iccids).hasSize(40);
        assertThat(refused).isEqualTo(10);
        orderIds.forEach(id -> assertThat(awaitEnd(id).state()).isEqualTo(OrderState.COMPLETED));
        assertThat(count("race", ProfileState.INSTALLED)).isEqualTo(40);
    }

    @Test
    void placeWhenRequestCannotBeServedThenRefusedInBandAndNothingAllocated() {
        inventory.generateDemo("refusals", 1);
        Eid eid = newEid();
        String badEid = eid.digits().substring(0, 31) + (eid.digits().charAt(31) == '0' ? '1' : '0');

        assertThat(refusal(new Es2.DownloadProfile.Request(
                        new RequestHeader(OPERATOR, "r1"), null, badEid, null, "refusals", null, null)))
                .isEqualTo(new StatusCodeData(SubjectCode.EID, ReasonCode.INVALID, null, "eid"));
        assertThat(refusal(new Es2.DownloadProfile.Request(
                                new RequestHeader(OPERATOR, "r2"),
                                null,
                                eid.digits(),
                                "89001999999999999996",
                                null,
                                null,
                                null))
                        .reasonCode())
                .isEqualTo(ReasonCode.UNKNOWN);
        assertThat(refusal(byType("r3", eid, "no-such-type", false)).subjectCode())
                .isEqualTo(SubjectCode.PROFILE_TYPE);
        assertThat(refusal(new Es2.DownloadProfile.Request(
                        new RequestHeader(OPERATOR, "r4"), null, eid.digits(), null, "refusals", "SM-SR-9", null)))
                .isEqualTo(new StatusCodeData(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "smsrId"));
        assertThat(refusal(new Es2.DownloadProfile.Request(
                                new RequestHeader("Operator-2", "r5"),
                                null,
                                eid.digits(),
                                null,
                                "refusals",
                                null,
                                null))
                        .reasonCode())
                .isEqualTo(ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(count("refusals", ProfileState.AVAILABLE)).isEqualTo(1);
    }

    @Test
    void placeWhenIccidAllocatedToAnotherOrderThenRefusedAlreadyInUse() {
        String iccid = inventory.generateDemo("taken", 1).getFirst().iccid().digits();
        OrderView first = accept(new Es2.DownloadProfile.Request(
                new RequestHeader(OPERATOR, "taken-1"), null, newEid().digits(), iccid, null, null, false));

        StatusCodeData why = refusal(new Es2.DownloadProfile.Request(
                new RequestHeader(OPERATOR, "taken-2"), null, newEid().digits(), iccid, null, null, false));

        assertThat(why.subjectCode()).isEqualTo(SubjectCode.PROFILE_ICCID);
        assertThat(why.reasonCode()).isEqualTo(ReasonCode.ALREADY_IN_USE);
        assertThat(first.iccid()).isEqualTo(iccid);
        assertThat(awaitEnd(first.orderId()).state()).isEqualTo(OrderState.COMPLETED);
    }

    // --- resume after a crash: the rows a stopped service left, then the start-up resume ---

    private String crashedOrder(String profileType, Eid eid, StepState... steps) {
        String orderId = UUID.randomUUID().toString();
        ProfileRecord profile = inventory.allocate(profileType, orderId, eid);
        Instant created = Instant.now().minusSeconds(5);
        jdbc.sql("INSERT INTO orders (id, operator_id, call_id, eid, iccid, profile_type, enable_profile, state,"
                        + " attempt, created_at, version) VALUES (?, ?, ?, ?, ?, ?, TRUE, 'RUNNING', 1, ?, 3)")
                .params(
                        orderId,
                        OPERATOR,
                        "crash-" + orderId,
                        eid.digits(),
                        profile.iccid().digits(),
                        profileType,
                        created.atOffset(ZoneOffset.UTC))
                .update();
        StepName[] names = StepName.values();
        for (int i = 0; i < names.length; i++) {
            StepState state = i < steps.length ? steps[i] : StepState.PENDING;
            jdbc.sql("INSERT INTO order_step (order_id, name, state, started_at, ended_at) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            orderId,
                            names[i].name(),
                            state.name(),
                            state == StepState.PENDING ? null : created.atOffset(ZoneOffset.UTC),
                            state == StepState.DONE ? created.plusMillis(7).atOffset(ZoneOffset.UTC) : null)
                    .update();
        }
        return orderId;
    }

    @Test
    void resumeWhenIsdpCreationWasRunningThenSameCallIdRepeatedAndSmSrAnswersItsFirstResult() {
        inventory.generateDemo("resume-isdp", 1);
        Eid eid = newEid();
        String orderId = crashedOrder("resume-isdp", eid, StepState.DONE, StepState.RUNNING);
        String aid = "A0000005591010FFFFFFFF8900F00000";
        SM_SR.processedBefore(
                orderId + "-ISDP_CREATION-1", new Es3.CreateIsdp.Response(ResponseHeader.success(), aid, null));
        int executions = SM_SR.executions();

        assertThat(runner.resumeUnfinished()).isPositive();
        OrderView order = awaitEnd(orderId);

        assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
        assertThat(order.isdpAid()).isEqualTo(aid);
        assertThat(SM_SR.calls(eid.digits()))
                .filteredOn(c -> c.function().equals(Es3.CreateIsdp.NAME))
                .extracting(FakeSmSr.Call::callId)
                .containsExactly(orderId + "-ISDP_CREATION-1");
        // GetEIS (for the ECASD), ProfileDownloadCompleted, EnableProfile executed; CreateISDP answered from before
        assertThat(SM_SR.executions() - executions).isEqualTo(3);
        assertThat(order.step(StepName.EUICC_REGISTRATION).durationMillis()).isEqualTo(7);
    }

    @Test
    void resumeWhenKeyEstablishmentWasRunningThenRestartsWithNextAttemptAndCompletes() {
        inventory.generateDemo("resume-keys", 1);
        Eid eid = newEid();
        String orderId = crashedOrder("resume-keys", eid, StepState.DONE, StepState.DONE, StepState.RUNNING);
        jdbc.sql("UPDATE orders SET isdp_aid = 'A0000005591010FFFFFFFF8900F00100' WHERE id = ?")
                .param(orderId)
                .update();

        runner.resumeUnfinished();
        OrderView order = awaitEnd(orderId);

        assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
        assertThat(downloads.callIdsStartingWith(orderId + "-KEY_ESTABLISHMENT-"))
                .containsExactly(orderId + "-KEY_ESTABLISHMENT-2-1", orderId + "-KEY_ESTABLISHMENT-2-2");
        assertThat(SM_SR.calls(eid.digits()))
                .extracting(FakeSmSr.Call::callId)
                .containsExactly(
                        orderId + "-EUICC_REGISTRATION-2",
                        orderId + "-PROFILE_DOWNLOAD-2-completed",
                        orderId + "-PROFILE_ENABLING-2");
        assertThat(downloads.isdps.get(eid.digits()).toString()).isEqualTo("A0000005591010FFFFFFFF8900F00100");
    }

    @Test
    void resumeWhenStepsInconsistentThenFailedInterruptedAndProfileReleased() {
        inventory.generateDemo("resume-bad", 1);
        Eid eid = newEid();
        String orderId = crashedOrder("resume-bad", eid, StepState.PENDING, StepState.DONE);

        runner.resumeUnfinished();
        OrderView order = awaitEnd(orderId);

        assertThat(order.state()).isEqualTo(OrderState.FAILED);
        assertThat(order.failure().reason()).isEqualTo(FailureReason.INTERRUPTED);
        assertThat(order.failure().step()).isEqualTo(StepName.EUICC_REGISTRATION);
        assertThat(order.failure().message()).contains("could not be resumed").contains("released");
        assertThat(profileState(order.iccid())).isEqualTo(ProfileState.AVAILABLE);
    }
}
