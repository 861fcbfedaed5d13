package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.smsr.eis.IsdpRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEisTest {

    private final TestEs3 es3 = new TestEs3();

    private Es3.AuditEis.Response audit(Eid eid, List<String> iccids) {
        return es3.auditEis(new Es3.AuditEis.Request(TestEs3.header(), null, eid.digits(), iccids));
    }

    @Test
    void executeWhenEisDriftedThenCardStateWins() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord enabledOnCard = es3.profile(eid);
        IsdpRecord goneFromCard = es3.profile(eid);
        FakeCard.Model card = es3.card.card(eid);
        card.isdps.put(enabledOnCard.aid(), LifeCycle.ENABLED);
        card.isdps.remove(goneFromCard.aid());
        Aid unknownToEis = Aid.isdP(Tar.of(0x99));
        card.isdps.put(unknownToEis, LifeCycle.CREATED);

        var response = audit(eid, null);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.state(eid, enabledOnCard.aid())).isEqualTo(ProfileState.ENABLED);
        assertThat(es3.eis.isdps.find(eid, goneFromCard.aid())).isEmpty();
        IsdpRecord added = es3.eis.isdps.find(eid, unknownToEis).orElseThrow();
        assertThat(added.state()).isEqualTo(ProfileState.CREATED);
        assertThat(added.iccid()).isNull();
        assertThat(response.eis().profiles())
                .extracting(ProfileInfo::isdpAid)
                .containsExactlyInAnyOrder(enabledOnCard.aid().toString(), unknownToEis.toString());
        assertThat(response.eis().lastAuditDate()).isEqualTo(es3.eis.clock.instant());
    }

    @Test
    void executeWhenIccidsGivenThenOnlyThoseReturned() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord first = es3.profile(eid);
        es3.profile(eid);

        var response = audit(eid, List.of(first.iccid()));

        assertThat(response.eis().profiles()).extracting(ProfileInfo::iccid).containsExactly(first.iccid());
    }

    @Test
    void executeWhenCardReportsPartOfItsIsdpsThenWarningAndNothingRemoved() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.force(eid, 0, StatusWord.MORE_DATA_AVAILABLE);

        var response = audit(eid, null);

        assertThat(response.header().functionExecutionStatus().status())
                .isEqualTo(ExecutionStatus.EXECUTED_WITH_WARNING);
        assertThat(es3.eis.isdps.find(eid, profile.aid())).isPresent();
    }

    @Test
    void executeWhenCardUnreachableThenExpiredAndNoAuditDate() {
        Eid eid = es3.card(1, 100_000);
        es3.card.unreachable(eid, true);

        var response = audit(eid, null);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(es3.eis.euicc(eid).lastAuditDate()).isNull();
    }

    @Test
    void executeWhenCardRefusesGetStatusThenExecutionErrorWithStatusWord() {
        Eid eid = es3.card(1, 100_000);
        es3.card.forceNext(eid, StatusWord.SECURITY_STATUS_NOT_SATISFIED);

        var response = audit(eid, null);

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.EUICC, ReasonCode.EXECUTION_ERROR);
        assertThat(status.message()).contains("6982");
    }
}
