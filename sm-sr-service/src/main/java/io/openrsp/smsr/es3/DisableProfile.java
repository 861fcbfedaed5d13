package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.10 ES3.DisableProfile, under the card's lock: the profile must be the caller's and enabled
 * (8.2.1 / 3.8 otherwise); POL2 DISABLE "Not allowed" refuses (8.2.1 / 3.8); {@code 3A04} goes to the card, followed
 * in the same script by the DELETE of the profile when its POL2 says DISABLE "Auto-delete". On {@code 9000} the EIS
 * records it DISABLED (or removes it) and, as the card does, enables the ISD-P carrying the fall-back attribute if
 * there is one that holds a profile. A failed auto-delete answers {@code Executed-WithWarning}.
 */
@Component
public class DisableProfile {

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final CardCommands card;
    private final TransactionTemplate tx;

    public DisableProfile(
            Profiles profiles,
            EuiccStore euiccs,
            IsdpStore isdps,
            CardLocks locks,
            CardCommands card,
            TransactionTemplate tx) {
        this.profiles = profiles;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.locks = locks;
        this.card = card;
        this.tx = tx;
    }

    public Es3.DisableProfile.Response execute(Es3Call call, Es3.DisableProfile.Request request) {
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            IsdpRecord target = profiles.profile(call, request.iccid());
            if (target.state() != ProfileState.ENABLED) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, target.iccid(), "the profile is not enabled");
            }
            if (target.hasRule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED)) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.REFUSED,
                        target.iccid(),
                        "POL2 of the profile does not allow disabling it");
            }
            boolean autoDelete = target.hasRule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE);
            List<CommandApdu> commands = new ArrayList<>(2);
            commands.add(IsdRCommands.disableProfile(target.aid()));
            if (autoDelete) {
                commands.add(IsdRCommands.deleteIsdp(target.aid()));
            }
            ResponseScript response = card.run(call, Optional.empty(), new CommandScript(commands));
            StatusWord sw = response.responses().getFirst().statusWord();
            if (!sw.isSuccess()) {
                throw CardRefusals.refusal(sw, SubjectCode.PROFILE_ICCID, target.iccid(), "DisableProfile");
            }
            boolean deleted = autoDelete
                    && CardCommands.statusWord(response, 1)
                            .filter(StatusWord::isSuccess)
                            .isPresent();
            tx.executeWithoutResult(status -> {
                euiccs.lock(call.eid());
                if (deleted) {
                    DeleteIsdp.remove(euiccs, isdps, target);
                } else {
                    isdps.updateState(call.eid(), target.aid(), ProfileState.DISABLED);
                }
                isdps.list(call.eid()).stream()
                        .filter(i -> i.fallback()
                                && i.state() == ProfileState.DISABLED
                                && !i.aid().equals(target.aid()))
                        .findFirst()
                        .ifPresent(fallback -> isdps.updateState(call.eid(), fallback.aid(), ProfileState.ENABLED));
                euiccs.touch(call.eid());
            });
            ResponseHeader header = autoDelete && !deleted
                    ? DeleteIsdp.autoDeleteWarning(response, 1, target)
                    : ResponseHeader.success();
            return new Es3.DisableProfile.Response(header, Hex.of(response));
        });
    }
}
