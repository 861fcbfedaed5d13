package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnableProfileTest {

    private final TestEs3 es3 = new TestEs3();

    @Test
    void executeWhenProfileDisabledThenEnabledAndPreviousDisabledOnCardAndInEis() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord first = es3.profile(eid);
        IsdpRecord second = es3.profile(eid);
        es3.enable(eid, first.iccid());

        var response = es3.enable(eid, second.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.state(eid, second.aid())).isEqualTo(ProfileState.ENABLED);
        assertThat(es3.state(eid, first.aid())).isEqualTo(ProfileState.DISABLED);
        assertThat(es3.card.card(eid).lifeCycle(second.aid())).contains(LifeCycle.ENABLED);
        assertThat(es3.card.card(eid).lifeCycle(first.aid())).contains(LifeCycle.DISABLED);
    }

    @Test
    void executeWhenIsdpHoldsNoProfileThenCardRefuses6985InBandAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        String iccid = es3.nextIccid();
        var created = es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), iccid, "MNO-1", 10L, null));

        var response = es3.enable(eid, iccid);

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        assertFailed(status, SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED);
        assertThat(status.message()).contains("6985");
        assertThat(es3.card
                        .submissions()
                        .getLast()
                        .script()
                        .commands()
                        .getFirst()
                        .data())
                .as("the command reached the card")
                .isNotEmpty();
        assertThat(es3.state(eid, Aid.fromHex(created.isdpAid()))).isEqualTo(ProfileState.CREATED);
    }

    @Test
    void executeWhenAlreadyEnabledThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        int sent = es3.card.submissions().size();

        var response = es3.enable(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.REFUSED);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenEnabledProfileForbidsDisableThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord first = es3.profile(eid);
        IsdpRecord second = es3.profile(eid);
        es3.enable(eid, first.iccid());
        es3.pol2(eid, first.iccid(), new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED));
        int sent = es3.card.submissions().size();

        var response = es3.enable(eid, second.iccid());

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED);
        assertThat(status.subjectIdentifier()).isEqualTo(first.iccid());
        assertThat(es3.card.submissions()).hasSize(sent);
        assertThat(es3.state(eid, first.aid())).isEqualTo(ProfileState.ENABLED);
    }

    @Test
    void executeWhenEnabledProfileAutoDeletesThenDeletedInTheSameScript() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord first = es3.profile(eid);
        IsdpRecord second = es3.profile(eid);
        es3.enable(eid, first.iccid());
        es3.pol2(eid, first.iccid(), new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE));

        var response = es3.enable(eid, second.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.card.submissions().getLast().script().size()).isEqualTo(2);
        assertThat(es3.eis.isdps.find(eid, first.aid())).isEmpty();
        assertThat(es3.card.card(eid).lifeCycle(first.aid())).isEmpty();
        assertThat(es3.state(eid, second.aid())).isEqualTo(ProfileState.ENABLED);
    }

    @Test
    void executeWhenIccidUnknownThenProfileUnknown() {
        Eid eid = es3.card(1, 100_000);

        var response = es3.enable(eid, es3.nextIccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.UNKNOWN);
    }

    @Test
    void executeWhenProfileOfAnotherSmdpThenNotAllowed() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.eis.isdps.update(new IsdpRecord(
                eid,
                profile.aid(),
                profile.state(),
                profile.iccid(),
                profile.mnoId(),
                "SM-DP-2",
                profile.profileType(),
                false,
                profile.allocatedMemory(),
                null,
                null,
                List.of()));

        var response = es3.enable(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.NOT_ALLOWED_AUTHORISATION);
    }

    @Test
    void executeWhenCardUnreachableThenExpiredAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.unreachable(eid, true);

        var response = es3.enable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(es3.state(eid, profile.aid())).isEqualTo(ProfileState.DISABLED);
    }

    @Test
    void executeWhenCardAnswersNotFoundThenIsdpUnknown() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.forceNext(eid, StatusWord.REFERENCED_DATA_NOT_FOUND);

        var response = es3.enable(eid, profile.iccid());

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.ISD_P, ReasonCode.UNKNOWN);
        assertThat(status.message()).contains("6A88");
    }

    @Test
    void executeWhenConcurrentEnablesOfTwoProfilesThenNeverTwoEnabled() throws Exception {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord first = es3.profile(eid);
        IsdpRecord second = es3.profile(eid);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 20; round++) {
                List<Callable<Es3.EnableProfile.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> es3.enable(eid, first.iccid()));
                    calls.add(() -> es3.enable(eid, second.iccid()));
                }
                int succeeded = 0;
                for (Future<Es3.EnableProfile.Response> result : threads.invokeAll(calls)) {
                    if (result.get().header().functionExecutionStatus().status() == ExecutionStatus.EXECUTED_SUCCESS) {
                        succeeded++;
                    }
                }
                assertThat(succeeded).isGreaterThanOrEqualTo(1);
                List<IsdpRecord> isdps = es3.eis.isdps.list(eid);
                assertThat(isdps.stream().filter(i -> i.state() == ProfileState.ENABLED))
                        .hasSize(1);
                assertThat(es3.card.card(eid).enabledCount()).isEqualTo(1);
                for (IsdpRecord isdp : isdps) {
                    assertThat(es3.card.card(eid).lifeCycle(isdp.aid()).map(LifeCycle::toProfileState))
                            .as("EIS and card agree on %s", isdp.aid())
                            .contains(isdp.state());
                }
            }
        }
    }
}
