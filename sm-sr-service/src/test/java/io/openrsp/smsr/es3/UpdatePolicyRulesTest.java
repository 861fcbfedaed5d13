package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import org.junit.jupiter.api.Test;

class UpdatePolicyRulesTest {

    private final TestEs3 es3 = new TestEs3();
    private final Pol2Rule noDisable = new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED);
    private final Pol2Rule noDelete = new Pol2Rule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.NOT_ALLOWED);

    @Test
    void executeWhenRulesGivenThenStoredInEisWithoutCardCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        int sent = es3.card.submissions().size();

        var response = es3.pol2(eid, profile.iccid(), noDisable, noDelete);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.eis.isdps.find(eid, profile.aid()).orElseThrow().pol2()).containsExactly(noDisable, noDelete);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenEmptyListThenRulesCleared() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.pol2(eid, profile.iccid(), noDisable);

        es3.pol2(eid, profile.iccid());

        assertThat(es3.eis.isdps.find(eid, profile.aid()).orElseThrow().pol2()).isEmpty();
    }

    @Test
    void executeWhenContradictingRulesThenInvalid() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);

        var response = es3.pol2(
                eid,
                profile.iccid(),
                noDisable,
                new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(), SubjectCode.FUNCTION, ReasonCode.INVALID);
        assertThat(es3.eis.isdps.find(eid, profile.aid()).orElseThrow().pol2()).isEmpty();
    }

    @Test
    void executeWhenIccidUnknownThenProfileUnknown() {
        Eid eid = es3.card(1, 100_000);

        var response = es3.pol2(eid, es3.nextIccid(), noDisable);

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.UNKNOWN);
    }
}
