package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EisView;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.2 ES3.AuditEIS (DESIGN.md §7: "AuditEIS repairs drift"), under the card's lock: GET STATUS for
 * every ISD-P on the ISD-R, then the EIS is reconciled with what the card says, which wins: states and fall-back
 * attributes are taken from the card, ISD-Ps the card does not have are removed, ISD-Ps the EIS did not know are
 * added (no ICCID, no owner). {@code lastAuditDate} is set, and the audited EIS is returned (only the profiles named
 * in {@code iccids} when given).
 *
 * <p>A card that reports only part of its ISD-Ps ({@code 6310}, about nine fit one response; GET STATUS "next
 * occurrence" is not implemented) is reconciled for those, nothing is removed, and the answer is
 * {@code Executed-WithWarning}.
 */
@Component
public class AuditEis {

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final EisView view;
    private final CardLocks locks;
    private final CardCommands card;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditEis(
            Profiles profiles,
            EuiccStore euiccs,
            IsdpStore isdps,
            EisView view,
            CardLocks locks,
            CardCommands card,
            TransactionTemplate tx,
            Clock clock) {
        this.profiles = profiles;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.view = view;
        this.locks = locks;
        this.card = card;
        this.tx = tx;
        this.clock = clock;
    }

    public Es3.AuditEis.Response execute(Es3Call call, Es3.AuditEis.Request request) {
        return locks.withLock(call.eid(), call.deadline(), () -> {
            profiles.euicc(call);
            ResponseScript response = card.run(call, Optional.empty(), CommandScript.of(IsdRCommands.getStatusAll()));
            ResponseApdu answer = response.responses().getFirst();
            StatusWord sw = answer.statusWord();
            boolean complete = sw.isSuccess();
            if (!complete && !sw.equals(StatusWord.MORE_DATA_AVAILABLE)) {
                throw CardRefusals.refusal(sw, SubjectCode.EUICC, call.eid().digits(), "GET STATUS");
            }
            List<IsdpStatus> onCard;
            try {
                onCard = GetStatusResponse.decode(answer.data());
            } catch (IllegalArgumentException e) {
                throw Es3FunctionException.failed(
                        SubjectCode.EUICC,
                        ReasonCode.EXECUTION_ERROR,
                        call.eid().digits(),
                        "the eUICC's GET STATUS response is malformed");
            }
            tx.executeWithoutResult(status -> reconcile(call, onCard, complete));
            Eis eis = view.eis(call.eid()).orElseThrow(() -> Es3FunctionException.unknownEid(call.eid()));
            ResponseHeader header = complete
                    ? ResponseHeader.success()
                    : new ResponseHeader(FunctionExecutionStatus.withWarning(new StatusCodeData(
                            SubjectCode.EUICC,
                            ReasonCode.EXECUTION_ERROR,
                            call.eid().digits(),
                            "the eUICC reported only part of its ISD-Ps (SW " + sw + ")")));
            return new Es3.AuditEis.Response(header, filter(eis, request.iccids()));
        });
    }

    private void reconcile(Es3Call call, List<IsdpStatus> onCard, boolean complete) {
        euiccs.findForUpdate(call.eid()).orElseThrow(() -> Es3FunctionException.unknownEid(call.eid()));
        Map<Aid, IsdpRecord> known = new HashMap<>();
        for (IsdpRecord isdp : isdps.list(call.eid())) {
            known.put(isdp.aid(), isdp);
        }
        for (IsdpStatus status : onCard) {
            ProfileState state = status.lifeCycle().toProfileState();
            IsdpRecord stored = known.remove(status.aid());
            if (stored == null) {
                isdps.insert(new IsdpRecord(
                        call.eid(),
                        status.aid(),
                        state,
                        null,
                        null,
                        null,
                        null,
                        status.fallback(),
                        null,
                        null,
                        null,
                        List.of()));
            } else if (stored.state() != state || stored.fallback() != status.fallback()) {
                isdps.update(stored.withState(state).withFallback(status.fallback()));
            }
        }
        if (complete) {
            for (IsdpRecord gone : known.values()) {
                isdps.delete(call.eid(), gone.aid());
            }
        }
        euiccs.updateAudit(call.eid(), clock.instant());
    }

    private static Eis filter(Eis eis, List<String> iccids) {
        if (iccids == null || iccids.isEmpty()) {
            return eis;
        }
        Set<String> wanted = Set.copyOf(iccids);
        List<ProfileInfo> kept = eis.profiles() == null
                ? List.of()
                : eis.profiles().stream()
                        .filter(p -> p.iccid() != null && wanted.contains(p.iccid()))
                        .toList();
        return eis.withProfiles(kept);
    }
}
