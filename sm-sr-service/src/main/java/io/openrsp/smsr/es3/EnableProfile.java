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
 * GSMA SGP.02 v4.2 §5.4.9 ES3.EnableProfile (DESIGN.md §4 step 5), under the card's lock: the profile must be the
 * caller's and not already enabled; POL2 of the profile enabled now is checked (DISABLE "Not allowed" refuses, 8.2.1 /
 * 3.8); then {@code 3A03} goes to the card, followed in the same script by the DELETE of the previous profile when its
 * POL2 says DISABLE "Auto-delete". On {@code 9000} the EIS records the target ENABLED and the previous one DISABLED
 * (or deleted).
 *
 * <p>An ISD-P the EIS has as CREATED is still sent to the card, which is the authority on whether it holds a
 * profile: its refusal ({@code 6985}) comes back in-band with the status word. A failed auto-delete leaves the
 * previous profile DISABLED and answers {@code Executed-WithWarning}.
 */
@Component
public class EnableProfile {

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final CardCommands card;
    private final TransactionTemplate tx;

    public EnableProfile(
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

    public Es3.EnableProfile.Response execute(Es3Call call, Es3.EnableProfile.Request request) {
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            IsdpRecord target = profiles.profile(call, request.iccid());
            if (target.state() == ProfileState.ENABLED) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.REFUSED,
                        target.iccid(),
                        "the profile is already enabled");
            }
            Optional<IsdpRecord> previous = isdps.list(call.eid()).stream()
                    .filter(i -> i.state() == ProfileState.ENABLED)
                    .findFirst();
            if (previous.isPresent()
                    && previous.get().hasRule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.NOT_ALLOWED)) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.REFUSED,
                        previous.get().iccid(),
                        "POL2 of the enabled profile does not allow disabling it");
            }
            boolean autoDelete = previous.isPresent()
                    && previous.get().hasRule(Pol2Rule.Action.DISABLE, Pol2Rule.Qualification.AUTO_DELETE);
            List<CommandApdu> commands = new ArrayList<>(2);
            commands.add(IsdRCommands.enableProfile(target.aid()));
            if (autoDelete) {
                commands.add(IsdRCommands.deleteIsdp(previous.get().aid()));
            }
            ResponseScript response = card.run(call, Optional.empty(), new CommandScript(commands));
            StatusWord sw = response.responses().getFirst().statusWord();
            if (!sw.isSuccess()) {
                throw CardRefusals.refusal(sw, SubjectCode.PROFILE_ICCID, target.iccid(), "EnableProfile");
            }
            boolean deleted = autoDelete
                    && CardCommands.statusWord(response, 1)
                            .filter(StatusWord::isSuccess)
                            .isPresent();
            tx.executeWithoutResult(status -> {
                euiccs.lock(call.eid());
                previous.ifPresent(p -> {
                    if (deleted) {
                        DeleteIsdp.remove(euiccs, isdps, p);
                    } else {
                        isdps.updateState(call.eid(), p.aid(), ProfileState.DISABLED);
                    }
                });
                isdps.updateState(call.eid(), target.aid(), ProfileState.ENABLED);
                euiccs.touch(call.eid());
            });
            ResponseHeader header = autoDelete && !deleted
                    ? DeleteIsdp.autoDeleteWarning(response, 1, previous.get())
                    : ResponseHeader.success();
            return new Es3.EnableProfile.Response(header, Hex.of(response));
        });
    }
}
