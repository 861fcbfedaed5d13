package io.openrsp.euicc.card;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ETSI TS 102 226 §5.2 (expanded remote APDU format) and GlobalPlatform Amendment B §3.5 (targeted application): runs
 * one command script against the card model. The script goes to the ISD-R unless it targets another application;
 * the commands run in order and execution stops at the first R-APDU that is not {@code 9000} (a warning stops it too,
 * as {@link ResponseScript#firstFailureIndex()} counts it). Each command is atomic ({@link IsdR}); the commands before
 * a failing one keep their effect, as on a real card.
 *
 * <p>An application other than the ISD-R (an ISD-P, the ECASD) exists but implements no command yet: every APDU gets
 * {@code 6D00}. Issue 5 plugs the ISD-P's ES8 key establishment and SCP03t in at {@link #atOtherApplication}. A script
 * longer than {@value ResponseScript#MAX_RESPONSES} commands (a response counts executed commands in one byte) runs
 * only that many.
 */
final class ScriptExecution {

    /** What the script produced, and the card state afterwards (the given one if nothing changed). */
    record Run(ScriptOutcome outcome, CardState state) {}

    private ScriptExecution() {}

    static Run run(CardState card, Optional<Aid> targetedApplication, CommandScript script, Instant now) {
        boolean toIsdR =
                targetedApplication.isEmpty() || targetedApplication.get().equals(Aid.ISD_R);
        if (!toIsdR && !exists(card, targetedApplication.get())) {
            return new Run(new ScriptOutcome.UnknownApplication(), card);
        }
        List<ResponseApdu> responses = new ArrayList<>(script.size());
        CardState state = card;
        for (CommandApdu command : script.commands()) {
            if (responses.size() == ResponseScript.MAX_RESPONSES) {
                break;
            }
            IsdR.Step step = toIsdR ? IsdR.execute(state, command, now) : atOtherApplication(state, command);
            responses.add(step.response());
            state = step.state();
            if (!step.response().isSuccess()) {
                break;
            }
        }
        return new Run(new ScriptOutcome.Executed(new ResponseScript(responses)), state);
    }

    private static boolean exists(CardState card, Aid aid) {
        return aid.equals(Aid.ECASD) || card.isdp(aid).isPresent();
    }

    private static IsdR.Step atOtherApplication(CardState card, CommandApdu command) {
        return new IsdR.Step(ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED), card);
    }
}
