package io.openrsp.euicc.card;

import static io.openrsp.euicc.card.TestCardStates.NOW;
import static io.openrsp.euicc.card.TestCardStates.empty;
import static io.openrsp.euicc.card.TestCardStates.isdp;
import static io.openrsp.euicc.card.TestCardStates.withIsdp;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptExecutionTest {

    private static final Aid A = isdp(0x10);
    private static final Aid B = isdp(0x11);

    /** For scripts that must never reach an ISD-P. */
    private static final ScriptExecution.IsdpScripts NO_ISDP = (card, isdp, script) -> {
        throw new AssertionError("the script reached ISD-P " + isdp);
    };

    private static ResponseScript executed(ScriptExecution.Run run) {
        assertThat(run.outcome()).isInstanceOf(ScriptOutcome.Executed.class);
        return ((ScriptOutcome.Executed) run.outcome()).response();
    }

    @Test
    void runWhenEveryCommandSucceedsThenOneResponsePerCommandAndStateChanged() {
        CommandScript script = CommandScript.of(IsdRCommands.createIsdp(A, 100), IsdRCommands.createIsdp(B, 100));

        ScriptExecution.Run run = ScriptExecution.run(empty(), Optional.empty(), script, NOW, NO_ISDP);

        assertThat(executed(run).responses())
                .containsExactly(ResponseApdu.of(StatusWord.NO_ERROR), ResponseApdu.of(StatusWord.NO_ERROR));
        assertThat(run.state().isdps()).extracting(Isdp::aid).containsExactly(A, B);
    }

    @Test
    void runWhenACommandFailsThenStopsThereAndEarlierCommandsKeepTheirEffect() {
        CommandScript script = CommandScript.of(
                IsdRCommands.createIsdp(A, 100), IsdRCommands.enableProfile(A), IsdRCommands.createIsdp(B, 100));

        ScriptExecution.Run run = ScriptExecution.run(empty(), Optional.empty(), script, NOW, NO_ISDP);

        assertThat(executed(run).responses())
                .containsExactly(
                        ResponseApdu.of(StatusWord.NO_ERROR), ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED));
        assertThat(run.state().isdps()).extracting(Isdp::aid).containsExactly(A);
    }

    @Test
    void runWhenTargetedApplicationIsTheIsdRThenSameAsUntargeted() {
        CommandScript script = CommandScript.of(IsdRCommands.createIsdp(A, 100));

        ScriptExecution.Run run = ScriptExecution.run(empty(), Optional.of(Aid.ISD_R), script, NOW, NO_ISDP);

        assertThat(executed(run).responses()).containsExactly(ResponseApdu.of(StatusWord.NO_ERROR));
        assertThat(run.state().isdp(A)).isPresent();
    }

    @Test
    void runWhenTargetedIsdpIsNotOnTheCardThenUnknownApplicationAndNothingRuns() {
        CardState card = empty();

        ScriptExecution.Run run =
                ScriptExecution.run(card, Optional.of(A), CommandScript.of(IsdRCommands.getStatusAll()), NOW, NO_ISDP);

        assertThat(run.outcome()).isEqualTo(new ScriptOutcome.UnknownApplication());
        assertThat(run.state()).isSameAs(card);
    }

    @Test
    void runWhenTargetedIsdpExistsThenTheIsdpApplicationRunsTheScriptAndTheModelStateIsUntouched() {
        CardState card = withIsdp(empty(), A, LifeCycle.CREATED, false, 0);
        CommandScript script = CommandScript.of(CommandApdu.of(0x80, 0xE2, 0x89, 0x00, new byte[] {1}));
        ResponseScript answer = new ResponseScript(List.of(ResponseApdu.of(StatusWord.WRONG_DATA)));
        List<Aid> reached = new ArrayList<>();

        ScriptExecution.Run run = ScriptExecution.run(card, Optional.of(A), script, NOW, (state, isdp, commands) -> {
            assertThat(state).isSameAs(card);
            assertThat(commands).isEqualTo(script);
            reached.add(isdp);
            return answer;
        });

        assertThat(reached).containsExactly(A);
        assertThat(executed(run)).isEqualTo(answer);
        assertThat(run.state()).isSameAs(card);
    }

    @Test
    void runWhenTargetIsTheEcasdThenEveryCommandIs6D00() {
        CommandScript script = CommandScript.of(IsdRCommands.getStatusAll(), IsdRCommands.getStatusAll());

        ScriptExecution.Run run = ScriptExecution.run(empty(), Optional.of(Aid.ECASD), script, NOW, NO_ISDP);

        assertThat(executed(run).responses()).containsExactly(ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED));
    }

    @Test
    void runWhenScriptIsEmptyThenEmptyResponse() {
        ScriptExecution.Run run = ScriptExecution.run(empty(), Optional.empty(), CommandScript.of(), NOW, NO_ISDP);

        assertThat(executed(run).executedCommands()).isZero();
    }

    @Test
    void runWhenScriptLongerThanAResponseCanCountThenOnly255Run() {
        List<CommandApdu> commands = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            commands.add(IsdRCommands.getStatusAll());
        }

        ScriptExecution.Run run =
                ScriptExecution.run(empty(), Optional.empty(), new CommandScript(commands), NOW, NO_ISDP);

        assertThat(executed(run).executedCommands()).isEqualTo(ResponseScript.MAX_RESPONSES);
    }
}
