package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.SubscriptionAddress;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.5 ES3.ProfileDownloadCompleted (DESIGN.md §4 step 4): the SM-DP reports the profile installed
 * in its ISD-P; the EIS records it DISABLED (from CREATED; a later state is kept), with the profile type, IMSI,
 * MSISDN and POL2 given (absent elements keep what the EIS had). The card is not asked.
 */
@Component
public class ProfileDownloadCompleted {

    private static final int MAX_PROFILE_TYPE = 128;
    private static final int MAX_MSISDN = 20;

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final TransactionTemplate tx;

    public ProfileDownloadCompleted(
            Profiles profiles, EuiccStore euiccs, IsdpStore isdps, CardLocks locks, TransactionTemplate tx) {
        this.profiles = profiles;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.locks = locks;
        this.tx = tx;
    }

    public Es3.ProfileDownloadCompleted.Response execute(Es3Call call, Es3.ProfileDownloadCompleted.Request request) {
        String profileType = request.profileType();
        if (profileType != null && profileType.length() > MAX_PROFILE_TYPE) {
            throw Es3FunctionException.invalid("profileType");
        }
        SubscriptionAddress address = request.subscriptionAddress();
        String imsi = address == null ? null : address.imsi();
        String msisdn = address == null ? null : address.msisdn();
        if (imsi != null) {
            try {
                Imsi.of(imsi);
            } catch (IllegalArgumentException e) {
                throw Es3FunctionException.invalid("subscriptionAddress.imsi");
            }
        }
        if (msisdn != null && (msisdn.length() > MAX_MSISDN || !msisdn.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw Es3FunctionException.invalid("subscriptionAddress.msisdn");
        }
        List<Pol2Rule> pol2 = request.pol2();
        if (pol2 != null) {
            UpdatePolicyRules.requireConsistent(pol2);
        }
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            IsdpRecord current = profiles.profile(call, request.iccid());
            IsdpRecord updated = new IsdpRecord(
                    current.eid(),
                    current.aid(),
                    current.state() == ProfileState.CREATED ? ProfileState.DISABLED : current.state(),
                    current.iccid(),
                    current.mnoId(),
                    current.smdpId(),
                    profileType != null ? profileType : current.profileType(),
                    current.fallback(),
                    current.allocatedMemory(),
                    imsi != null ? imsi : current.imsi(),
                    msisdn != null ? msisdn : current.msisdn(),
                    pol2 != null ? pol2 : current.pol2());
            tx.executeWithoutResult(status -> {
                euiccs.lock(call.eid());
                isdps.update(updated);
                euiccs.touch(call.eid());
            });
            return new Es3.ProfileDownloadCompleted.Response(ResponseHeader.success());
        });
    }
}
