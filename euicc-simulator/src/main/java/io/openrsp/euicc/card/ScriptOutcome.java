package io.openrsp.euicc.card;

import io.openrsp.rsp.script.ResponseScript;
import java.util.Objects;

/**
 * GlobalPlatform Amendment B §3.5 / ETSI TS 102 226 §5.2: what the card did with one expanded command script: it ran
 * it (possibly stopping at a failing APDU, whose status word the response carries), or the application the script
 * targets does not exist on the card ({@code X-Admin-Script-Status: unknown-application}).
 */
public sealed interface ScriptOutcome {

    /** The script ran; {@code response} has one R-APDU per executed command. */
    record Executed(ResponseScript response) implements ScriptOutcome {
        public Executed {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The targeted application is not on the card; nothing ran. */
    record UnknownApplication() implements ScriptOutcome {}
}
