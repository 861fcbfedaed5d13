package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.6 ES3.UpdatePolicyRules: replaces the POL2 of the caller's profile in the EIS (an empty list
 * clears it). POL2 is enforced by the SM-SR, so the card is not involved. Contradicting rules for one action (both
 * "Not allowed" and "Auto-delete" for DISABLE) are refused as invalid.
 */
@Component
public class UpdatePolicyRules {

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final TransactionTemplate tx;

    public UpdatePolicyRules(
            Profiles profiles, EuiccStore euiccs, IsdpStore isdps, CardLocks locks, TransactionTemplate tx) {
        this.profiles = profiles;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.locks = locks;
        this.tx = tx;
    }

    public Es3.UpdatePolicyRules.Response execute(Es3Call call, Es3.UpdatePolicyRules.Request request) {
        List<Pol2Rule> rules = request.pol2();
        requireConsistent(rules);
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            IsdpRecord target = profiles.profile(call, request.iccid());
            tx.executeWithoutResult(status -> {
                euiccs.lock(call.eid());
                isdps.update(target.withPol2(rules));
                euiccs.touch(call.eid());
            });
            return new Es3.UpdatePolicyRules.Response(ResponseHeader.success());
        });
    }

    static void requireConsistent(List<Pol2Rule> rules) {
        for (Pol2Rule.Action action : Pol2Rule.Action.values()) {
            long qualifications = rules.stream()
                    .filter(r -> r.action() == action)
                    .map(Pol2Rule::qualification)
                    .distinct()
                    .count();
            if (qualifications > 1) {
                throw Es3FunctionException.invalid("pol2");
            }
        }
    }
}
