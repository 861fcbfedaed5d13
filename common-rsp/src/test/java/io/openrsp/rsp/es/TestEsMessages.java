package io.openrsp.rsp.es;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** One filled-in request and response of every ES1/ES2/ES3 function, for round-trip tests. */
final class TestEsMessages {

    static final String EID = "89049032123451234512345678901235";
    static final String ICCID = "8949449999999990171";
    static final String ISDP_AID = "A0000005591010FFFFFFFF8900001000";
    static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

    private TestEsMessages() {}

    static RequestHeader requestHeader() {
        return new RequestHeader("SM-DP-1", "7b0f3f38-5a5e-4c1a-9d7e-3c2b1a000001");
    }

    static ResponseHeader failed() {
        return ResponseHeader.failed(
                new StatusCodeData(SubjectCode.EID, ReasonCode.UNKNOWN, EID, "EID not registered"));
    }

    static List<Pol2Rule> pol2() {
        return List.of(
                new Pol2Rule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED),
                new Pol2Rule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.AUTO_DELETE));
    }

    static Eis eis() {
        ProfileInfo enabled = new ProfileInfo(
                ICCID,
                ISDP_AID,
                "MNO-1",
                ProfileState.ENABLED,
                true,
                new SubscriptionAddress("001010123456789", "491700000001"),
                "SM-DP-1",
                "M2M generic",
                65536L,
                pol2());
        ProfileInfo created = new ProfileInfo(
                null,
                "A0000005591010FFFFFFFF8900001100",
                null,
                ProfileState.CREATED,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Eis(
                EID,
                "EUM-1",
                WHEN,
                "openrsp-sim",
                "1.0",
                400_000L,
                300_000L,
                WHEN.plusSeconds(60),
                "SM-SR-1",
                "A0000005591010FFFFFFFF8900000100",
                new Ecasd("A0000005591010FFFFFFFF8900000200", "MIIBszCCAVmgAwIBAgIBATAKBggqhkjOPQQDAjA="),
                List.of(enabled, created),
                "MEUCIQC3");
    }

    /** Every function's request and response, named {@code Interface.Function.Request|Response}. */
    static Stream<Arguments> all() {
        RequestHeader rq = requestHeader();
        ResponseHeader ok = ResponseHeader.success();
        return Stream.of(
                args("Es1.RegisterEis.Request", new Es1.RegisterEis.Request(rq, eis())),
                args("Es1.RegisterEis.Response", new Es1.RegisterEis.Response(ok, "SM-SR-1", "AAECAwQ=")),
                args("Es2.GetEis.Request", new Es2.GetEis.Request(rq, EID)),
                args("Es2.GetEis.Response", new Es2.GetEis.Response(ok, eis())),
                args(
                        "Es2.DownloadProfile.Request",
                        new Es2.DownloadProfile.Request(rq, 600, EID, null, "M2M generic", "SM-SR-1", true)),
                args("Es2.DownloadProfile.Response", new Es2.DownloadProfile.Response(ok, ICCID, "AF80")),
                args("Es2.UpdatePolicyRules.Request", new Es2.UpdatePolicyRules.Request(rq, 60, EID, ICCID, pol2())),
                args("Es2.UpdatePolicyRules.Response", new Es2.UpdatePolicyRules.Response(failed())),
                args("Es2.EnableProfile.Request", new Es2.EnableProfile.Request(rq, 60, EID, ICCID, "SM-SR-1")),
                args("Es2.EnableProfile.Response", new Es2.EnableProfile.Response(ok, "AF80")),
                args("Es2.DisableProfile.Request", new Es2.DisableProfile.Request(rq, 60, EID, ICCID, null)),
                args("Es2.DisableProfile.Response", new Es2.DisableProfile.Response(failed(), null)),
                args("Es2.DeleteProfile.Request", new Es2.DeleteProfile.Request(rq, null, EID, ICCID, null)),
                args("Es2.DeleteProfile.Response", new Es2.DeleteProfile.Response(ok, null)),
                args(
                        "Es2.HandleProfileDisabledNotification.Request",
                        new Es2.HandleProfileDisabledNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es2.HandleProfileDisabledNotification.Response",
                        new Es2.HandleProfileDisabledNotification.Response(ok)),
                args(
                        "Es2.HandleProfileEnabledNotification.Request",
                        new Es2.HandleProfileEnabledNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es2.HandleProfileEnabledNotification.Response",
                        new Es2.HandleProfileEnabledNotification.Response(ok)),
                args(
                        "Es2.HandleProfileDeletedNotification.Request",
                        new Es2.HandleProfileDeletedNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es2.HandleProfileDeletedNotification.Response",
                        new Es2.HandleProfileDeletedNotification.Response(ok)),
                args("Es3.GetEis.Request", new Es3.GetEis.Request(rq, EID)),
                args("Es3.GetEis.Response", new Es3.GetEis.Response(ok, eis())),
                args("Es3.AuditEis.Request", new Es3.AuditEis.Request(rq, 120, EID, List.of(ICCID))),
                args("Es3.AuditEis.Response", new Es3.AuditEis.Response(ok, eis())),
                args("Es3.CreateIsdp.Request", new Es3.CreateIsdp.Request(rq, 300, EID, ICCID, "MNO-1", 65536L, true)),
                args("Es3.CreateIsdp.Response", new Es3.CreateIsdp.Response(ok, ISDP_AID, "AF80800101230290000000")),
                args(
                        "Es3.SendData.Request",
                        new Es3.SendData.Request(rq, 300, EID, ISDP_AID, "AE80220580E2880000", false)),
                args("Es3.SendData.Response", new Es3.SendData.Response(ok, "AF8080010123029000")),
                args(
                        "Es3.ProfileDownloadCompleted.Request",
                        new Es3.ProfileDownloadCompleted.Request(
                                rq,
                                300,
                                EID,
                                ICCID,
                                "M2M generic",
                                new SubscriptionAddress("001010123456789", null),
                                pol2())),
                args("Es3.ProfileDownloadCompleted.Response", new Es3.ProfileDownloadCompleted.Response(ok)),
                args("Es3.UpdatePolicyRules.Request", new Es3.UpdatePolicyRules.Request(rq, 60, EID, ICCID, List.of())),
                args("Es3.UpdatePolicyRules.Response", new Es3.UpdatePolicyRules.Response(ok)),
                args("Es3.EnableProfile.Request", new Es3.EnableProfile.Request(rq, 60, EID, ICCID)),
                args("Es3.EnableProfile.Response", new Es3.EnableProfile.Response(ok, "AF80")),
                args("Es3.DisableProfile.Request", new Es3.DisableProfile.Request(rq, 60, EID, ICCID)),
                args("Es3.DisableProfile.Response", new Es3.DisableProfile.Response(failed(), null)),
                args("Es3.DeleteIsdp.Request", new Es3.DeleteIsdp.Request(rq, 60, EID, ICCID)),
                args("Es3.DeleteIsdp.Response", new Es3.DeleteIsdp.Response(ok, "AF80")),
                args(
                        "Es3.HandleProfileDisabledNotification.Request",
                        new Es3.HandleProfileDisabledNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es3.HandleProfileDisabledNotification.Response",
                        new Es3.HandleProfileDisabledNotification.Response(ok)),
                args(
                        "Es3.HandleProfileEnabledNotification.Request",
                        new Es3.HandleProfileEnabledNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es3.HandleProfileEnabledNotification.Response",
                        new Es3.HandleProfileEnabledNotification.Response(ok)),
                args(
                        "Es3.HandleProfileDeletedNotification.Request",
                        new Es3.HandleProfileDeletedNotification.Request(rq, EID, ICCID, WHEN)),
                args(
                        "Es3.HandleProfileDeletedNotification.Response",
                        new Es3.HandleProfileDeletedNotification.Response(ok)));
    }

    private static Arguments args(String name, EsMessage message) {
        return Arguments.of(name, message);
    }
}
