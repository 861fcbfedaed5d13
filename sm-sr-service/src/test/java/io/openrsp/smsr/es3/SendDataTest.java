package io.openrsp.smsr.es3;

import static io.openrsp.smsr.es3.CreateIsdpTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import io.openrsp.smsr.eis.IsdpRecord;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendDataTest {

    private static final HexFormat HEX = HexFormat.of();
    private final TestEs3 es3 = new TestEs3();
    private final CommandApdu storeData = CommandApdu.of(0x80, 0xE2, 0x91, 0x00, new byte[] {(byte) 0x86, 0x01, 0x00});

    private Es3.SendData.Response send(Eid eid, Aid target, CommandScript script) {
        return es3.sendData(new Es3.SendData.Request(
                TestEs3.header(),
                null,
                eid.digits(),
                target.toString(),
                HEX.formatHex(script.encode(ScriptForm.INDEFINITE)),
                null));
    }

    @Test
    void executeWhenIsdpTargetedThenScriptGoesWithTargetedApplicationAndResponseReturned() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        CommandScript script = CommandScript.of(storeData, storeData);

        var response = send(eid, profile.aid(), script);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        FakeCard.Submission sent = es3.card.submissions().getLast();
        assertThat(sent.target()).contains(profile.aid());
        assertThat(sent.script()).isEqualTo(script);
        assertThat(ResponseScript.decode(HEX.parseHex(response.euiccResponseData()))
                        .executedCommands())
                .isEqualTo(2);
        assertThat(response.euiccResponseData()).startsWith("AF80");
    }

    @Test
    void executeWhenIsdRTargetedWithInstallForPersonalizationThenSentToIsdR() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);

        var response = send(
                eid, Aid.ISD_R, CommandScript.of(IsdRCommands.installForPersonalization(profile.aid()), storeData));

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(es3.card.submissions().getLast().target()).isEqualTo(Optional.empty());
    }

    @Test
    void executeWhenIsdRManagementCommandThenRefusedWithoutCommand() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        int sent = es3.card.submissions().size();

        var response = send(eid, Aid.ISD_R, CommandScript.of(IsdRCommands.enableProfile(profile.aid())));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(),
                SubjectCode.FUNCTION,
                ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(es3.card.submissions()).hasSize(sent);
    }

    @Test
    void executeWhenIsdpNotInEisThenIsdpUnknown() {
        Eid eid = es3.card(1, 100_000);

        var response = send(eid, Aid.isdP(Tar.of(0x55)), CommandScript.of(storeData));

        assertFailed(
                response.header().functionExecutionStatus().statusCodeData(), SubjectCode.ISD_P, ReasonCode.UNKNOWN);
    }

    @Test
    void executeWhenCardHasNoSuchApplicationThenIsdpUnknown() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);
        es3.card.card(eid).isdps.remove(profile.aid());

        var response = send(eid, profile.aid(), CommandScript.of(storeData));

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.ISD_P, ReasonCode.UNKNOWN);
        assertThat(status.message()).contains("no such application");
    }

    @Test
    void executeWhenDataIsNotAScriptThenInvalid() {
        Eid eid = es3.card(1, 100_000);
        IsdpRecord profile = es3.profile(eid);

        var response = es3.sendData(new Es3.SendData.Request(
                TestEs3.header(), null, eid.digits(), profile.aid().toString(), "ZZ01", null));

        var status = response.header().functionExecutionStatus().statusCodeData();
        assertFailed(status, SubjectCode.FUNCTION, ReasonCode.INVALID);
        assertThat(status.message()).isEqualTo("data");
    }
}
