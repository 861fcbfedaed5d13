package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.IsdRCommand;
import io.openrsp.rsp.es5.IsdRCommandException;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptException;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccRecord;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §5.4.4 ES3.SendData (DESIGN.md §3 ES8 binding): forwards the SM-DP's command script ({@code data},
 * hex of an expanded script) over ES5 and returns the card's response script as {@code euiccResponseData}, whatever
 * status words it holds (the SM-DP reads them; the SM-SR does not interpret ES8).
 *
 * <ul>
 *   <li>{@code isdpAid} an ISD-P: it must be in the EIS and the caller's; the script goes with
 *       {@code X-Admin-Targeted-Application} naming it;
 *   <li>{@code isdpAid} the ISD-R: the script goes to the ISD-R, which routes STORE DATA after an INSTALL [for
 *       personalization] of one of the caller's ISD-Ps. The ISD-R's own management commands (create, enable,
 *       disable, delete, GET STATUS, notification confirmation) are refused (1.6 / 1.2): they go through their ES3
 *       functions, where POL2 and the EIS are kept.
 * </ul>
 *
 * <p>Runs under the card's lock, so ES8 traffic and EIS-changing calls of one card do not interleave.
 */
@Component
public class SendData {

    private final Profiles profiles;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final CardCommands card;

    public SendData(Profiles profiles, IsdpStore isdps, CardLocks locks, CardCommands card) {
        this.profiles = profiles;
        this.isdps = isdps;
        this.locks = locks;
        this.card = card;
    }

    public Es3.SendData.Response execute(Es3Call call, Es3.SendData.Request request) {
        Aid aid;
        try {
            aid = Aid.fromHex(request.isdpAid());
        } catch (IllegalArgumentException e) {
            throw Es3FunctionException.invalid("isdpAid");
        }
        CommandScript script;
        try {
            script = CommandScript.decode(HexFormat.of().parseHex(request.data()));
        } catch (IllegalArgumentException | ScriptException e) {
            throw Es3FunctionException.invalid("data");
        }
        if (script.size() == 0) {
            throw Es3FunctionException.invalid("data");
        }
        return locks.withLock(call.eid(), call.deadline(), () -> {
            EuiccRecord euicc = profiles.euicc(call);
            Optional<Aid> target;
            if (aid.equals(euicc.isdRAid())) {
                script.commands().forEach(command -> requireRoutable(call, command));
                target = Optional.empty();
            } else {
                requireCallersIsdp(call, aid);
                target = Optional.of(aid);
            }
            ResponseScript response = card.run(call, target, script);
            return new Es3.SendData.Response(ResponseHeader.success(), Hex.of(response));
        });
    }

    private IsdpRecord requireCallersIsdp(Es3Call call, Aid aid) {
        IsdpRecord isdp = isdps.find(call.eid(), aid)
                .orElseThrow(() -> Es3FunctionException.failed(
                        SubjectCode.ISD_P, ReasonCode.UNKNOWN, aid.toString(), "no such ISD-P on the eUICC"));
        Profiles.requireOwner(call, isdp);
        return isdp;
    }

    private void requireRoutable(Es3Call call, CommandApdu apdu) {
        IsdRCommand command;
        try {
            command = IsdRCommand.parse(apdu);
        } catch (IsdRCommandException e) {
            throw Es3FunctionException.invalid("data");
        }
        switch (command) {
            case IsdRCommand.InstallForPersonalization install -> requireCallersIsdp(call, install.isdp());
            case IsdRCommand.StoreData ignored -> {
                // ES8 data for the ISD-P selected by the INSTALL before it.
            }
            case IsdRCommand.Other ignored -> {
                // Not an ISD-R management command; the card answers it.
            }
            default ->
                throw Es3FunctionException.failed(
                        SubjectCode.FUNCTION,
                        ReasonCode.NOT_ALLOWED_AUTHORISATION,
                        null,
                        "data: ISD-R management commands go through their ES3 functions");
        }
    }
}
