package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.smsr.eis.EuiccRecord;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §5.4: the EIS look-ups every ES3 function starts with, and their in-band refusals: the eUICC must
 * be registered (8.1.1 / 3.9), the profile must be on it (8.2.1 / 3.9) and must belong to the calling SM-DP (8.2.1 /
 * 1.2). An ISD-P the SM-SR knows only from an audit has no owner yet and is open to any SM-DP.
 */
@Component
public class Profiles {

    private final EuiccStore euiccs;
    private final IsdpStore isdps;

    public Profiles(EuiccStore euiccs, IsdpStore isdps) {
        this.euiccs = euiccs;
        this.isdps = isdps;
    }

    public EuiccRecord euicc(Es3Call call) {
        return euiccs.find(call.eid()).orElseThrow(() -> Es3FunctionException.unknownEid(call.eid()));
    }

    /** The caller's profile {@code iccid} on the card. */
    public IsdpRecord profile(Es3Call call, String iccid) {
        IsdpRecord isdp = isdps.findByIccid(call.eid(), iccid)
                .orElseThrow(() -> Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID, ReasonCode.UNKNOWN, iccid, "no such profile on the eUICC"));
        requireOwner(call, isdp);
        return isdp;
    }

    static void requireOwner(Es3Call call, IsdpRecord isdp) {
        if (isdp.smdpId() != null && !isdp.smdpId().equals(call.requester())) {
            throw Es3FunctionException.failed(
                    SubjectCode.PROFILE_ICCID,
                    ReasonCode.NOT_ALLOWED_AUTHORISATION,
                    isdp.iccid(),
                    "the profile belongs to another SM-DP");
        }
    }
}
