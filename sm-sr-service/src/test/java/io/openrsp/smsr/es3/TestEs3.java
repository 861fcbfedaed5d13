package io.openrsp.smsr.es3;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.SubscriptionAddress;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.TestEis;
import java.util.List;
import java.util.UUID;

/**
 * Test fixture: the ES3 functions and {@link Es3Executor} wired by hand on a {@link TestEis} and a {@link FakeCard},
 * called the way {@link Es3Endpoint} calls them (requester {@value TestEis#SMDP} unless told otherwise).
 */
final class TestEs3 {

    final TestEis eis = TestEis.h2();
    final FakeCard card = new FakeCard();
    final CardCommands commands = new CardCommands(card, eis.clock);
    final Profiles profiles = new Profiles(eis.euiccs, eis.isdps);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Es3Executor executor =
            new Es3Executor(eis.calls, eis.audit, eis.properties, eis.clock, new EsCallMetrics(meters));
    final GetEis getEis = new GetEis(eis.view);
    final AuditEis auditEis =
            new AuditEis(profiles, eis.euiccs, eis.isdps, eis.view, eis.locks, commands, eis.tx, eis.clock);
    final CreateIsdp createIsdp = new CreateIsdp(profiles, eis.euiccs, eis.isdps, eis.locks, commands, eis.tx);
    final EnableProfile enableProfile = new EnableProfile(profiles, eis.euiccs, eis.isdps, eis.locks, commands, eis.tx);
    final DisableProfile disableProfile =
            new DisableProfile(profiles, eis.euiccs, eis.isdps, eis.locks, commands, eis.tx);
    final DeleteIsdp deleteIsdp = new DeleteIsdp(profiles, eis.euiccs, eis.isdps, eis.locks, commands, eis.tx);
    final UpdatePolicyRules updatePolicyRules =
            new UpdatePolicyRules(profiles, eis.euiccs, eis.isdps, eis.locks, eis.tx);
    final SendData sendData = new SendData(profiles, eis.isdps, eis.locks, commands);
    final ProfileDownloadCompleted profileDownloadCompleted =
            new ProfileDownloadCompleted(profiles, eis.euiccs, eis.isdps, eis.locks, eis.tx);

    private int iccids;

    static RequestHeader header() {
        return new RequestHeader(TestEis.SMDP, UUID.randomUUID().toString());
    }

    /** A card registered in the EIS and present (reachable) on the fake channel. */
    Eid card(int n, long freeMemory) {
        Eid eid = TestEis.eid(n);
        eis.register(eid, freeMemory);
        card.add(eid, freeMemory);
        return eid;
    }

    String nextIccid() {
        return Iccid.withLuhn(String.format("898820000000%07d", ++iccids)).digits();
    }

    /** Creates an ISD-P for a new ICCID and installs a profile in it on the card and in the EIS. */
    IsdpRecord profile(Eid eid) {
        String iccid = nextIccid();
        var created = createIsdp(new Es3.CreateIsdp.Request(header(), null, eid.digits(), iccid, "MNO-1", 1024L, null));
        Aid aid = Aid.fromHex(created.isdpAid());
        card.card(eid).installProfile(aid);
        profileDownloadCompleted(new Es3.ProfileDownloadCompleted.Request(
                header(),
                null,
                eid.digits(),
                iccid,
                "operational",
                new SubscriptionAddress("001010123456789", null),
                null));
        return eis.isdps.find(eid, aid).orElseThrow();
    }

    ProfileState state(Eid eid, Aid aid) {
        return eis.isdps.find(eid, aid).orElseThrow().state();
    }

    Es3.GetEis.Response getEis(Es3.GetEis.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.GetEis.NAME,
                request,
                request.eid(),
                null,
                Es3.GetEis.Response.class,
                h -> new Es3.GetEis.Response(h, null),
                call -> getEis.execute(call, request));
    }

    Es3.AuditEis.Response auditEis(Es3.AuditEis.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.AuditEis.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.AuditEis.Response.class,
                h -> new Es3.AuditEis.Response(h, null),
                call -> auditEis.execute(call, request));
    }

    Es3.CreateIsdp.Response createIsdp(Es3.CreateIsdp.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.CreateIsdp.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.CreateIsdp.Response.class,
                h -> new Es3.CreateIsdp.Response(h, null, null),
                call -> createIsdp.execute(call, request));
    }

    Es3.EnableProfile.Response enableProfile(Es3.EnableProfile.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.EnableProfile.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.EnableProfile.Response.class,
                h -> new Es3.EnableProfile.Response(h, null),
                call -> enableProfile.execute(call, request));
    }

    Es3.EnableProfile.Response enable(Eid eid, String iccid) {
        return enableProfile(new Es3.EnableProfile.Request(header(), null, eid.digits(), iccid));
    }

    Es3.DisableProfile.Response disableProfile(Es3.DisableProfile.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.DisableProfile.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.DisableProfile.Response.class,
                h -> new Es3.DisableProfile.Response(h, null),
                call -> disableProfile.execute(call, request));
    }

    Es3.DisableProfile.Response disable(Eid eid, String iccid) {
        return disableProfile(new Es3.DisableProfile.Request(header(), null, eid.digits(), iccid));
    }

    Es3.DeleteIsdp.Response deleteIsdp(Es3.DeleteIsdp.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.DeleteIsdp.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.DeleteIsdp.Response.class,
                h -> new Es3.DeleteIsdp.Response(h, null),
                call -> deleteIsdp.execute(call, request));
    }

    Es3.DeleteIsdp.Response delete(Eid eid, String iccid) {
        return deleteIsdp(new Es3.DeleteIsdp.Request(header(), null, eid.digits(), iccid));
    }

    Es3.UpdatePolicyRules.Response updatePolicyRules(Es3.UpdatePolicyRules.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.UpdatePolicyRules.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.UpdatePolicyRules.Response.class,
                Es3.UpdatePolicyRules.Response::new,
                call -> updatePolicyRules.execute(call, request));
    }

    Es3.UpdatePolicyRules.Response pol2(Eid eid, String iccid, Pol2Rule... rules) {
        return updatePolicyRules(
                new Es3.UpdatePolicyRules.Request(header(), null, eid.digits(), iccid, List.of(rules)));
    }

    Es3.SendData.Response sendData(Es3.SendData.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.SendData.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.SendData.Response.class,
                h -> new Es3.SendData.Response(h, null),
                call -> sendData.execute(call, request));
    }

    Es3.ProfileDownloadCompleted.Response profileDownloadCompleted(Es3.ProfileDownloadCompleted.Request request) {
        return executor.execute(
                TestEis.SMDP,
                Es3.ProfileDownloadCompleted.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.ProfileDownloadCompleted.Response.class,
                Es3.ProfileDownloadCompleted.Response::new,
                call -> profileDownloadCompleted.execute(call, request));
    }
}
