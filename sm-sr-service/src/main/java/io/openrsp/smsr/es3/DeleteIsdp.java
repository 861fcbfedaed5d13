package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.11 ES3.DeleteISDP, under the card's lock: the profile must be the caller's, not enabled
 * (8.2.1 / 3.8) and not protected by a POL2 DELETE "Not allowed" rule (8.2.1 / 3.8); the DELETE goes to the ISD-R, and
 * only on {@code 9000} is the ISD-P removed from the EIS and its memory returned to
 * {@code availableMemoryForProfiles}. A card refusal keeps the EIS as it was.
 */
@Component
public class DeleteIsdp {

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final CardCommands card;
    private final TransactionTemplate tx;

    public DeleteIsdp(
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

    public Es3.DeleteIsdp.Response execute(Es3Call call, Es3.DeleteIsdp.Request request) {
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            IsdpRecord target = profiles.profile(call, request.iccid());
            if (target.state() == ProfileState.ENABLED) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.REFUSED,
                        target.iccid(),
                        "an enabled profile cannot be deleted");
            }
            if (target.hasRule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.NOT_ALLOWED)) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.REFUSED,
                        target.iccid(),
                        "POL2 of the profile does not allow deleting it");
            }
            ResponseScript response =
                    card.run(call, Optional.empty(), CommandScript.of(IsdRCommands.deleteIsdp(target.aid())));
            StatusWord sw = response.responses().getFirst().statusWord();
            if (!sw.isSuccess()) {
                throw CardRefusals.refusal(sw, SubjectCode.PROFILE_ICCID, target.iccid(), "DeleteISDP");
            }
            tx.executeWithoutResult(status -> remove(euiccs, isdps, target));
            return new Es3.DeleteIsdp.Response(ResponseHeader.success(), Hex.of(response));
        });
    }

    /** Removes a deleted ISD-P from the EIS and returns its memory; inside a transaction. */
    static void remove(EuiccStore euiccs, IsdpStore isdps, IsdpRecord deleted) {
        euiccs.findForUpdate(deleted.eid()).ifPresent(euicc -> {
            isdps.delete(deleted.eid(), deleted.aid());
            Long available = euicc.availableMemoryForProfiles();
            if (available != null && deleted.allocatedMemory() != null) {
                euiccs.updateAvailableMemory(deleted.eid(), available + deleted.allocatedMemory());
            } else {
                euiccs.touch(deleted.eid());
            }
        });
    }

    /** {@code Executed-WithWarning}: the change succeeded, the POL2 auto-delete of {@code isdp} did not. */
    static ResponseHeader autoDeleteWarning(ResponseScript response, int index, IsdpRecord isdp) {
        String sw = CardCommands.statusWord(response, index)
                .map(StatusWord::toString)
                .orElse("none");
        return new ResponseHeader(FunctionExecutionStatus.withWarning(new StatusCodeData(
                SubjectCode.PROFILE_ICCID,
                ReasonCode.EXECUTION_ERROR,
                isdp.iccid(),
                "POL2 auto-delete refused by the eUICC: SW " + sw)));
    }
}
