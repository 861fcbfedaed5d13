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
import java.util.function.Function;

/**
 * ETSI TS 102 226 §5.2 (expanded remote APDU format) and GlobalPlatform Amendment B §3.5 (targeted application): runs
 * one command script against the card. The script goes to the ISD-R unless it targets another application; the
 * commands run in order and execution stops at the first R-APDU that is not {@code 9000} (a warning stops it too, as
 * {@link ResponseScript#firstFailureIndex()} counts it). A script longer than {@value ResponseScript#MAX_RESPONSES}
 * commands (a response counts executed commands in one byte) runs only that many.
 *
 * <p>At the ISD-R each command is atomic and pure ({@link IsdR}); the commands before a failing one keep their
 * effect, as on a real card, and the caller commits the resulting state. A script targeting an ISD-P goes to the
 * {@link IsdpScripts} given (the ES8 application, {@link IsdpApplication}), which writes its own effects as they
 * happen. The ECASD accepts no script command: {@code 6D00}.
 */
final class ScriptExecution {

    /** What the script produced, and the card state afterwards (the given one if nothing changed). */
    record Run(ScriptOutcome outcome, CardState state) {}

    /** Runs a script at an ISD-P of the card; the ISD-P persists what it changes itself. */
    @FunctionalInterface
    interface IsdpScripts {
        ResponseScript run(CardState card, Aid isdp, CommandScript script);
    }

    private ScriptExecution() {}

    static Run run(
            CardState card, Optional<Aid> targetedApplication, CommandScript script, Instant now, IsdpScripts isdps) {
        if (targetedApplication.isEmpty() || targetedApplication.get().equals(Aid.ISD_R)) {
            CardState[] state = {card};
            ResponseScript response = runCommands(script, command -> {
                IsdR.Step step = IsdR.execute(state[0], command, now);
                state[0] = step.state();
                return step.response();
            });
            return new Run(new ScriptOutcome.Executed(response), state[0]);
        }
        Aid target = targetedApplication.get();
        if (target.equals(Aid.ECASD)) {
            return new Run(
                    new ScriptOutcome.Executed(
                            runCommands(script, command -> ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED))),
                    card);
        }
        if (card.isdp(target).isEmpty()) {
            return new Run(new ScriptOutcome.UnknownApplication(), card);
        }
        return new Run(new ScriptOutcome.Executed(isdps.run(card, target, script)), card);
    }

    /**
     * The command loop every application shares: {@code step} per command in order, stopping after the first R-APDU
     * that is not {@code 9000} or after {@value ResponseScript#MAX_RESPONSES} commands.
     */
    static ResponseScript runCommands(CommandScript script, Function<CommandApdu, ResponseApdu> step) {
        List<ResponseApdu> responses = new ArrayList<>(Math.min(script.size(), ResponseScript.MAX_RESPONSES));
        for (CommandApdu command : script.commands()) {
            if (responses.size() == ResponseScript.MAX_RESPONSES) {
                break;
            }
            ResponseApdu response = step.apply(command);
            responses.add(response);
            if (!response.isSuccess()) {
                break;
            }
        }
        return new ResponseScript(responses);
    }
}
