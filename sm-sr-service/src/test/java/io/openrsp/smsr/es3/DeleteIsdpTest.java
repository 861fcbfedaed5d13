package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import org.junit.jupiter.api.Test;

class DeleteIsdpTest {

    private final TestEs3 es3 = new TestEs3();

    @Test
    void executeWhenDisabledThenDeletedOnCardAndInEisAndMemoryReturned() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);

        var response = es3.delete(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isEmpty();
        assertThat(es3.card.card(eid).lifeCycle(profile.aid())).isEmpty();
        assertThat(es3.eis.euicc(eid).availableMemoryForProfiles()).isEqualTo(100_000);
    }

    @Test
    void executeWhenEnabledThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.enable(eid, profile.iccid());
        int sent = es3.card.submissions().size();

        var response = es3.delete(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.REFUSED);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenPol2ForbidsDeleteThenRefused() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.pol2(eid, profile.iccid(), new Pol2Rule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.NOT_ALLOWED));

        var response = es3.delete(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.REFUSED);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isPresent();
    }

    @Test
    void executeWhenCardDoesNotKnowTheIsdpThenUnknownAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.forceNext(eid, StatusWord.REFERENCED_DATA_NOT_FOUND);

        var response = es3.delete(eid, profile.iccid());

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(), SubjectCode.ISD_P, ReasonCode.UNKNOWN);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isPresent();
    }

    @Test
    void executeWhenCardUnreachableThenExpiredAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.unreachable(eid, true);

        var response = es3.delete(eid, profile.iccid());

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isPresent();
    }
}
