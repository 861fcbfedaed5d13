package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * GSMA SGP.02 v4.2 §2.4.3 / DESIGN.md §3.2: the SM-SR's way to a card's ISD-R over ES5. A script is queued for the
 * card (FIFO per EID); if no admin session is open, the card is woken with an SCP80 push SMS; the card's next SCP81
 * session carries every queued script, one HTTP exchange each.
 *
 * <p>The outcome is only ever what the card said: a time-out is a failure, never a made-up success.
 */
public interface AdminChannel {

    /**
     * Queues {@code script} for the card {@code eid} and completes with the card's response script (which may hold a
     * failure status word), or exceptionally with
     *
     * <ul>
     *   <li>{@link CardNotReachedException} when {@code deadline} passes before the card answered, or the push SMS
     *       could not be handed to the SMS-C; a script whose deadline passed before it was sent is never sent;
     *   <li>{@link AdminSessionException} when the card answered with a script status other than {@code ok} (e.g.
     *       {@code unknown-application}), with a malformed response, or the session broke while the card held the
     *       script (its outcome on the card is then unknown).
     * </ul>
     *
     * @param targetedApplication sent as {@code X-Admin-Targeted-Application} (an ISD-P), or empty for the ISD-R
     */
    CompletableFuture<ResponseScript> submit(
            Eid eid, Optional<Aid> targetedApplication, CommandScript script, Instant deadline);
}
