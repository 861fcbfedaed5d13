package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.SubscriptionAddress;
import io.openrsp.rsp.id.Eid;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 EIS as ES3 returns it ({@code GetEIS}, {@code AuditEIS}): the stored eUICC and its ISD-Ps turned
 * into the wire records. Never carries key material (the EIS has none) nor the EUM signature (the SM-SR does not
 * re-sign the EIS it changed).
 */
@Component
public class EisView {

    private final EuiccStore euiccs;
    private final IsdpStore isdps;

    public EisView(EuiccStore euiccs, IsdpStore isdps) {
        this.euiccs = euiccs;
        this.isdps = isdps;
    }

    /** The card's EIS; empty if it is not registered. */
    public Optional<Eis> eis(Eid eid) {
        return euiccs.find(eid).map(euicc -> toEis(euicc, isdps.list(eid)));
    }

    static Eis toEis(EuiccRecord euicc, List<IsdpRecord> profiles) {
        return new Eis(
                euicc.eid().digits(),
                euicc.eumId(),
                euicc.productionDate(),
                euicc.platformType(),
                euicc.platformVersion(),
                euicc.remainingMemory(),
                euicc.availableMemoryForProfiles(),
                euicc.lastAuditDate(),
                euicc.smsrId(),
                euicc.isdRAid().toString(),
                new Ecasd(euicc.ecasdAid().toString(), euicc.ecasdCertificate()),
                profiles.stream().map(EisView::toProfileInfo).toList(),
                null);
    }

    static ProfileInfo toProfileInfo(IsdpRecord isdp) {
        SubscriptionAddress address = isdp.imsi() == null && isdp.msisdn() == null
                ? null
                : new SubscriptionAddress(isdp.imsi(), isdp.msisdn());
        return new ProfileInfo(
                isdp.iccid(),
                isdp.aid().toString(),
                isdp.mnoId(),
                isdp.state(),
                isdp.fallback(),
                address,
                isdp.smdpId(),
                isdp.profileType(),
                isdp.allocatedMemory(),
                isdp.pol2().isEmpty() ? null : isdp.pol2());
    }
}
