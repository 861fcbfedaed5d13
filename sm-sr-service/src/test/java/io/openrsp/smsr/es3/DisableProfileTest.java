package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import org.junit.jupiter.api.Test;

class DisableProfileTest {

    private final TestEs3 es3 = new TestEs3();

    @Test
    void executeWhenEnabledThenDisabledOnCardAndInEis() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());

        var response = es3.disable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.state(eid, profile.aid())).isEqualTo(ProfileState.DISABLED);
        assertThat(es3.card.card(eid).lifeCycle(profile.aid())).contains(LifeCycle.DISABLED);
    }

    @Test
    void executeWhenNotEnabledThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        int sent = es3.card.submissions().size();

        var response = es3.disable(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.REFUSED);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenPol2ForbidsDisableThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        es3.pol2(eid, profile.iccid(), new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED));
        int sent = es3.card.submissions().size();

        var response = es3.disable(eid, profile.iccid());

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED);
        assertThat(status.message()).contains("POL2");
        assertThat(es3.card.submissions()).hasSize(sent);
        assertThat(es3.state(eid, profile.aid())).isEqualTo(ProfileState.ENABLED);
    }

    @Test
    void executeWhenPol2AutoDeleteThenDisabledAndDeleted() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        es3.pol2(eid, profile.iccid(), new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE));
        long memoryBefore = es3.eis.euicc(eid).availableMemoryForProfiles();

        var response = es3.disable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isEmpty();
        assertThat(es3.card.card(eid).lifeCycle(profile.aid())).isEmpty();
        assertThat(es3.eis.euicc(eid).availableMemoryForProfiles()).isEqualTo(memoryBefore + 1024);
    }

    @Test
    void executeWhenAutoDeleteRefusedThenWarningAndProfileDisabled() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        es3.pol2(eid, profile.iccid(), new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE));
        es3.card.force(eid, 1, StatusWord.WRONG_DATA);

        var response = es3.disable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status())
                .isEqualTo(ExecutionStatus.EXECUTED_WITH_WARNING);
        assertThat(response.header().functionExecutionStatus().statusCodeData().message())
                .contains("6A80");
        assertThat(es3.state(eid, profile.aid())).isEqualTo(ProfileState.DISABLED);
        assertThat(es3.card.card(eid).lifeCycle(profile.aid())).contains(LifeCycle.DISABLED);
    }

    @Test
    void executeWhenFallbackProfileExistsThenItBecomesEnabled() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord fallback = es3.profile(eid);
        IsdpRecord profile = es3.profile(eid);
        es3.card.card(eid).fallback.add(fallback.aid());
        es3.eis.isdps.update(fallback.withFallback(true));
        es3.enable(eid, profile.iccid());

        var response = es3.disable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.state(eid, fallback.aid())).isEqualTo(ProfileState.ENABLED);
        assertThat(es3.card.card(eid).lifeCycle(fallback.aid())).contains(LifeCycle.ENABLED);
    }

    @Test
    void executeWhenCardUnreachableThenExpiredAndStillEnabled() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        es3.card.unreachable(eid, true);

        var response = es3.disable(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(es3.state(eid, profile.aid())).isEqualTo(ProfileState.ENABLED);
    }
}
