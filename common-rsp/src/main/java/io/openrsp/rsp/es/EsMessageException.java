package io.openrsp.rsp.es;

import java.io.Serial;
import java.util.Optional;

/**
 * The one failure of reading an ES1/ES2/ES3 JSON message (DESIGN.md §3.1). It says why and where (the JSON path
 * of the element, e.g. {@code header.functionCallIdentifier}), never what the offending value was, and never
 * exposes the JSON library's own exception types.
 *
 * <p>{@link #toStatusCodeData()} gives the in-band SGP.02 status code for a request whose JSON parsed but broke
 * a function's element rules (subject {@code 1.6} "Function", reason {@code 2.1}/{@code 2.2}/{@code 2.3}, the
 * element named in the message, as SGP.02 §5.1.6.4 asks). Malformed JSON has no in-band answer: it is a
 * transport-level error (HTTP 400 with a problem body).
 */
public final class EsMessageException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a message was rejected. */
    public enum Reason {
        /** Not JSON, not a JSON object, empty, or followed by trailing data. */
        MALFORMED_JSON,
        /** A request element this platform does not know (requests are read strictly). */
        UNKNOWN_ELEMENT,
        /** A mandatory element is absent or {@code null}. */
        MISSING_ELEMENT,
        /** An element whose condition holds is absent (e.g. neither ICCID nor profile type). */
        CONDITIONAL_ELEMENT_MISSING,
        /** An element has the wrong JSON type or an unacceptable value (e.g. an unknown status string). */
        INVALID_VALUE
    }

    private final Reason reason;
    private final String path;

    private static final int MAX_PATH = 120;

    EsMessageException(Reason reason, String path) {
        super(message(reason, printable(path)));
        this.reason = reason;
        this.path = printable(path);
    }

    private static String message(Reason reason, String path) {
        return path.isEmpty() ? "ES message rejected: " + reason : "ES message rejected at " + path + ": " + reason;
    }

    /**
     * Element names come from the caller's JSON (an unknown element is named as sent): keep them to the
     * characters of JSON paths and bounded, so that they are safe in logs and in the status message.
     */
    private static String printable(String path) {
        StringBuilder safe = new StringBuilder(Math.min(path.length(), MAX_PATH));
        for (int i = 0; i < path.length() && safe.length() < MAX_PATH; i++) {
            char c = path.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '['
                    || c == ']'
                    || c == '_'
                    || c == '-';
            safe.append(allowed ? c : '?');
        }
        return safe.toString();
    }

    public Reason reason() {
        return reason;
    }

    /** The JSON path of the element at fault, e.g. {@code eis.profiles[0].state}; empty for the whole message. */
    public String path() {
        return path;
    }

    /**
     * The SGP.02 status code a function provider answers in band, naming the element at fault in the message;
     * empty for {@link Reason#MALFORMED_JSON}, which is a transport-level error.
     */
    public Optional<StatusCodeData> toStatusCodeData() {
        ReasonCode code = switch (reason) {
            case MALFORMED_JSON -> null;
            case UNKNOWN_ELEMENT, INVALID_VALUE -> ReasonCode.INVALID;
            case MISSING_ELEMENT -> ReasonCode.MANDATORY_ELEMENT_MISSING;
            case CONDITIONAL_ELEMENT_MISSING -> ReasonCode.CONDITIONAL_ELEMENT_MISSING;
        };
        return Optional.ofNullable(code).map(c -> new StatusCodeData(SubjectCode.FUNCTION, c, null, path));
    }
}
