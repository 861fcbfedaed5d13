package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.es5.AdminChannel;
import io.openrsp.smsr.es5.AdminSessionException;
import io.openrsp.smsr.es5.CardNotReachedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md §3.2: runs a command script on the card over ES5 ({@link AdminChannel}) and waits for its response script
 * until the call's deadline. The outcome is only what the card said: no answer in time is {@code Expired}
 * ({@link Es3FunctionException#expired}), never a made-up success.
 *
 * <ul>
 *   <li>card not reached (deadline passed, push refused): {@code Expired};
 *   <li>{@code X-Admin-Script-Status: unknown-application}: 8.3 ISD-P / 3.9 Unknown;
 *   <li>the session broke while the card held the script: 8.1 eUICC / 5.4 Delivered With No Response (the outcome
 *       on the card is unknown; AuditEIS finds out);
 *   <li>any other protocol failure, or fewer responses than commands without a failing one: 8.1 eUICC / 4.2.
 * </ul>
 */
@Component
public class CardCommands {

    /** The channel fails the future at the deadline itself; this only covers a channel that never completes. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AdminChannel channel;
    private final Clock clock;

    public CardCommands(AdminChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * Runs {@code script} on the ISD-R ({@code target} empty) or on the ISD-P {@code target}.
     *
     * @return the card's response script, one response per executed command; a failing status word inside is for
     *     the caller to judge
     * @throws Es3FunctionException when there is no response script
     */
    public ResponseScript run(Es3Call call, Optional<Aid> target, CommandScript script) {
        if (!clock.instant().isBefore(call.deadline())) {
            throw Es3FunctionException.expired("the validity period ended before the command was sent");
        }
        CompletableFuture<ResponseScript> future = channel.submit(call.eid(), target, script, call.deadline());
        ResponseScript response;
        try {
            long waitNanos = Duration.between(clock.instant(), call.deadline())
                    .plus(GRACE)
                    .toNanos();
            response = future.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw Es3FunctionException.expired("the eUICC did not answer within the validity period");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Es3FunctionException.expired("interrupted while waiting for the eUICC");
        } catch (ExecutionException e) {
            throw translate(e.getCause(), call, target);
        }
        if (response.executedCommands() == 0
                || (response.executedCommands() < script.size() && response.allSucceeded())
                || response.executedCommands() > script.size()) {
            throw Es3FunctionException.failed(
                    SubjectCode.EUICC,
                    ReasonCode.EXECUTION_ERROR,
                    call.eid().digits(),
                    "the eUICC answered " + response.executedCommands() + " responses to " + script.size()
                            + " commands");
        }
        return response;
    }

    /** The status word of command {@code index} of the script, or empty if the card stopped before it. */
    static Optional<StatusWord> statusWord(ResponseScript response, int index) {
        return index < response.responses().size()
                ? Optional.of(response.responses().get(index).statusWord())
                : Optional.empty();
    }

    private static Es3FunctionException translate(Throwable cause, Es3Call call, Optional<Aid> target) {
        if (cause instanceof CardNotReachedException) {
            return Es3FunctionException.expired("the eUICC was not reached within the validity period");
        }
        if (cause instanceof AdminSessionException session) {
            if (session.reason() == AdminSessionException.Reason.SCRIPT_STATUS
                    && session.scriptStatus()
                            .filter("unknown-application"::equals)
                            .isPresent()) {
                return Es3FunctionException.failed(
                        SubjectCode.ISD_P,
                        ReasonCode.UNKNOWN,
                        target.map(Aid::toString).orElse(null),
                        "the eUICC has no such application");
            }
            if (session.reason() == AdminSessionException.Reason.SESSION_LOST) {
                return Es3FunctionException.failed(
                        SubjectCode.EUICC,
                        ReasonCode.DELIVERED_WITH_NO_RESPONSE,
                        call.eid().digits(),
                        "the admin session ended before the eUICC answered");
            }
            return Es3FunctionException.failed(
                    SubjectCode.EUICC,
                    ReasonCode.EXECUTION_ERROR,
                    call.eid().digits(),
                    "the admin session with the eUICC failed (" + session.reason() + ")");
        }
        return Es3FunctionException.failed(
                SubjectCode.FUNCTION_PROVIDER, ReasonCode.EXECUTION_ERROR, null, "the admin channel failed");
    }
}
