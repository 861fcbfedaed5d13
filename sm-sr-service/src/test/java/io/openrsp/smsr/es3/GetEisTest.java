package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.TestEis;
import org.junit.jupiter.api.Test;

class GetEisTest {

    private final TestEs3 es3 = new TestEs3();

    @Test
    void executeWhenRegisteredThenEisWithProfilesAndNoCardCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        int sent = es3.card.submissions().size();

        var response = es3.getEis(new Es3.GetEis.Request(TestEs3.header(), eid.digits()));

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(response.eis().eid()).isEqualTo(eid.digits());
        assertThat(response.eis().smsrId()).isEqualTo(TestEis.SMSR_ID);
        assertThat(response.eis().isdRAid()).isEqualTo(Aid.ISD_R.toString());
        assertThat(response.eis().ecasd().aid()).isEqualTo(Aid.ECASD.toString());
        assertThat(response.eis().eumSignature()).isNull();
        assertThat(response.eis().profiles()).singleElement().satisfies(p -> {
            assertThat(p.iccid()).isEqualTo(profile.iccid());
            assertThat(p.isdpAid()).isEqualTo(profile.aid().toString());
            assertThat(p.state()).isEqualTo(ProfileState.DISABLED);
            assertThat(p.subscriptionAddress().imsi()).isEqualTo("001010123456789");
            assertThat(p.smdpId()).isEqualTo(TestEis.SMDP);
        });
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenEidUnknownThenEidUnknown() {
        var response = es3.getEis(
                new Es3.GetEis.Request(TestEs3.header(), TestEis.eid(5).digits()));

        assertFailed(response.header().functionExecutionStatus().statusCodeData(), SubjectCode.EID, ReasonCode.UNKNOWN);
        assertThat(response.eis()).isNull();
    }
}
