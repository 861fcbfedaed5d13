package io.openrsp.smsr.es3;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.TestEis;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CreateIsdpTest {

    private final TestEs3 es3 = new TestEs3();

    private Es3.CreateIsdp.Response create(Eid eid, String iccid, long memory) {
        return es3.createIsdp(
                new Es3.CreateIsdp.Request(TestEs3.header(), null, eid.digits(), iccid, "MNO-1", memory, null));
    }

    @Test
    void executeWhenCardAcceptsThenIsdpRecordedCreatedWithFirstTar() {
        Eid eid = es3.card(1, 100_000);
        String iccid = es3.nextIccid();

        var response = create(eid, iccid, 4096);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(response.isdpAid()).isEqualTo("A0000005591010FFFFFFFF8900001000");
        assertThat(ResponseScript.decode(HexFormat.of().parseHex(response.euiccResponseData()))
                        .allSucceeded())
                .isTrue();
        IsdpRecord isdp = es3.eis.isdps.findByIccid(eid, iccid).orElseThrow();
        assertThat(isdp.state()).isEqualTo(ProfileState.CREATED);
        assertThat(isdp.smdpId()).isEqualTo(TestEis.SMDP);
        assertThat(isdp.mnoId()).isEqualTo("MNO-1");
        assertThat(isdp.allocatedMemory()).isEqualTo(4096);
        assertThat(es3.card.card(eid).lifeCycle(isdp.aid())).contains(LifeCycle.CREATED);
        assertThat(es3.eis.euicc(eid).availableMemoryForProfiles()).isEqualTo(100_000 - 4096);
    }

    @Test
    void executeWhenSecondIsdpThenNextTar() {
        Eid eid = es3.card(1, 100_000);
        create(eid, es3.nextIccid(), 10);

        var second = create(eid, es3.nextIccid(), 10);

        assertThat(Aid.fromHex(second.isdpAid()).tar()).isEqualTo(Tar.of(0x11));
    }

    @Test
    void executeWhenIccidAlreadyOnCardThenAlreadyInUseAndNoCommandSent() {
        Eid eid = es3.card(1, 100_000);
        String iccid = es3.nextIccid();
        create(eid, iccid, 10);
        int sent = es3.card.submissions().size();

        var response = create(eid, iccid, 10);

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.ALREADY_IN_USE);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenEisMemoryTooSmallThenInsufficientMemoryAndNoCommandSent() {
        Eid eid = es3.card(1, 1000);

        var response = create(eid, es3.nextIccid(), 1001);

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.EUICC,
                ReasonCode.INSUFFICIENT_MEMORY);
        assertThat(es3.card.submissions()).isEmpty();
    }

    @Test
    void executeWhenCardAnswers6A84ThenInsufficientMemoryWithStatusWordAndEisUnchanged() {
        Eid eid = es3.card(1, 100_000);
        es3.card.forceNext(eid, StatusWord.NOT_ENOUGH_MEMORY);
        String iccid = es3.nextIccid();

        var response = create(eid, iccid, 10);

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY);
        assertThat(status.message()).contains("6A84");
        assertThat(es3.eis.isdps.list(eid)).isEmpty();
        assertThat(es3.eis.euicc(eid).availableMemoryForProfiles()).isEqualTo(100_000);
    }

    @Test
    void executeWhenCardAnswers6985ThenRefusedOnIsdp() {
        Eid eid = es3.card(1, 100_000);
        es3.card.forceNext(eid, StatusWord.CONDITIONS_NOT_SATISFIED);

        var response = create(eid, es3.nextIccid(), 10);

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.ISD_P, ReasonCode.REFUSED);
        assertThat(status.message()).contains("6985");
        assertThat(status.subjectIdentifier()).isEqualTo("A0000005591010FFFFFFFF8900001000");
    }

    @Test
    void executeWhenCardAnswers69E1ThenRefused() {
        Eid eid = es3.card(1, 100_000);
        es3.card.forceNext(eid, StatusWord.POL1_FORBIDS);

        var response = create(eid, es3.nextIccid(), 10);

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.ISD_P, ReasonCode.REFUSED);
        assertThat(status.message()).contains("69E1");
    }

    @Test
    void executeWhenCardAnswersOtherErrorThenExecutionError() {
        Eid eid = es3.card(1, 100_000);
        es3.card.forceNext(eid, StatusWord.WRONG_DATA);

        var response = create(eid, es3.nextIccid(), 10);

        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.ISD_P, ReasonCode.EXECUTION_ERROR);
        assertThat(status.message()).contains("6A80");
    }

    @Test
    void executeWhenCardUnreachableThenExpiredAndEisUnchangedButTarNotReused() {
        Eid eid = es3.card(1, 100_000);
        es3.card.unreachable(eid, true);

        var expired = create(eid, es3.nextIccid(), 10);

        assertThat(expired.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(expired.header().functionExecutionStatus().statusCodeData().reasonCode())
                .isEqualTo(ReasonCode.TIME_TO_LIVE_EXPIRED);
        assertThat(expired.isdpAid()).isNull();
        assertThat(es3.eis.isdps.list(eid)).isEmpty();
        es3.card.unreachable(eid, false);
        assertThat(Aid.fromHex(create(eid, es3.nextIccid(), 10).isdpAid()).tar())
                .isEqualTo(Tar.of(0x11));
    }

    @Test
    void executeWhenEidUnknownThenEidUnknown() {
        var response = create(TestEis.eid(99), es3.nextIccid(), 10);

        assertFailed(response.header().functionExecutionStatus().statusCodeData(), SubjectCode.EID, ReasonCode.UNKNOWN);
    }

    @Test
    void executeWhenEidHasBadCheckDigitsThenEidInvalid() {
        var response = es3.createIsdp(new Es3.CreateIsdp.Request(
                TestEs3.header(), null, "89049032000000000000000000000000", es3.nextIccid(), "MNO-1", 10L, null));

        assertFailed(response.header().functionExecutionStatus().statusCodeData(), SubjectCode.EID, ReasonCode.INVALID);
    }

    @Test
    void executeWhenIccidInvalidThenIccidInvalid() {
        Eid eid = es3.card(1, 100_000);

        String valid = es3.nextIccid();
        char last = valid.charAt(valid.length() - 1);
        String invalid = valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        var response = create(eid, invalid, 10);

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.PROFILE_ICCID,
                ReasonCode.INVALID);
    }

    static void assertFailed(StatusCodeData status, SubjectCode subject, ReasonCode reason) {
        assertThat(status).isNotNull();
        assertThat(status.subjectCode()).isEqualTo(subject);
        assertThat(status.reasonCode()).isEqualTo(reason);
    }
}
