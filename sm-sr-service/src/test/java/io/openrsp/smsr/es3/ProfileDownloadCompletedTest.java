package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es.SubscriptionAddress;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.IsdpRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDownloadCompletedTest {

    private final TestEs3 es3 = new TestEs3();

    @Test
    void executeWhenIsdpCreatedThenDisabledWithProfileDataAndNoCardCommand() {
        Eid eid = es3.card(1, 100_000);
        String iccid = es3.nextIccid();
        var created = es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), iccid, "MNO-1", 10L, null));
        int sent = es3.card.submissions().size();
        Pol2Rule rule = new Pol2Rule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.NOT_ALLOWED);

        var response = es3.profileDownloadCompleted(new Es3.ProfileDownloadCompleted.Request(
                TestEs3.header(),
                null,
                eid.digits(),
                iccid,
                "operational",
                new SubscriptionAddress("001010123456789", "4915112345678"),
                List.of(rule)));

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        IsdpRecord isdp =
                es3.eis.isdps.find(eid, Aid.fromHex(created.isdpAid())).orElseThrow();
        assertThat(isdp.state()).isEqualTo(ProfileState.DISABLED);
        assertThat(isdp.profileType()).isEqualTo("operational");
        assertThat(isdp.imsi()).isEqualTo("001010123456789");
        assertThat(isdp.msisdn()).isEqualTo("4915112345678");
        assertThat(isdp.pol2()).containsExactly(rule);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenImsiMalformedThenInvalidAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        String iccid = es3.nextIccid();
        es3.createIsdp(new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), iccid, "MNO-1", 10L, null));

        var response = es3.profileDownloadCompleted(new Es3.ProfileDownloadCompleted.Request(
                TestEs3.header(), null, eid.digits(), iccid, null, new SubscriptionAddress("00101A", null), null));

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.FUNCTION, ReasonCode.INVALID);
        assertThat(status.message()).isEqualTo("subscriptionAddress.imsi");
        assertThat(es3.eis.isdps.findByIccid(eid, iccid).orElseThrow().state()).isEqualTo(ProfileState.CREATED);
    }

    @Test
    void executeWhenIccidUnknownThenProfileUnknown() {
        Eid eid = es3.card(1, 100_000);

        var response = es3.profileDownloadCompleted(new Es3.ProfileDownloadCompleted.Request(
                TestEs3.header(), null, eid.digits(), es3.nextIccid(), null, null, null));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.UNKNOWN);
    }
}
