package io.openrsp.smdp.es2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * DESIGN.md §3.1: how an operator's ES2 {@code functionCallIdentifier} becomes the one this SM-DP sends to the SM-SR.
 *
 * <p>The SM-SR remembers call identifiers per requester, and every ES3 call of this SM-DP has the same requester. An
 * operator's call is therefore forwarded as {@code <operator id, URL-encoded>:<ES2 call id>}: the encoded id holds no
 * {@code ':'}, so two operators can never produce the same ES3 identifier, while a repeated ES2 call repeats it and
 * gets the SM-SR's first result. Order steps use identifiers without {@code ':'}, so they never collide either.
 */
final class OperatorCalls {

    /** The SM-SR's limit on {@code functionCallIdentifier} ({@code function_call.call_id}). */
    static final int MAX_ES3_CALL_ID = 128;

    private OperatorCalls() {}

    /** The ES3 {@code functionCallIdentifier} for {@code operator}'s ES2 call, empty if it would be too long. */
    static Optional<String> es3CallId(String operator, String es2CallId) {
        String id = URLEncoder.encode(operator, StandardCharsets.UTF_8) + ":" + es2CallId;
        return id.length() <= MAX_ES3_CALL_ID ? Optional.of(id) : Optional.empty();
    }
}
