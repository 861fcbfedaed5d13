package io.openrsp.smsr.es5;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9112 §3: one HTTP/1.1 request as the card sent it on the admin connection: method, origin-form target, header
 * fields (names lower-cased, values with surrounding whitespace removed, in order) and the decoded body.
 */
record AdminHttpRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    AdminHttpRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * The single value of the header {@code name}; empty if absent.
     *
     * @throws HttpProtocolException 400 if the header occurs more than once
     */
    Optional<String> header(String name) throws HttpProtocolException {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        if (values.size() > 1) {
            throw HttpProtocolException.badRequest("repeated header " + name);
        }
        return values.stream().findFirst();
    }

    /**
     * The single value of the header {@code name}.
     *
     * @throws HttpProtocolException 400 if absent or repeated
     */
    String requiredHeader(String name) throws HttpProtocolException {
        return header(name).orElseThrow(() -> HttpProtocolException.badRequest("missing header " + name));
    }

    @Override
    public String toString() {
        return "AdminHttpRequest[" + method + " " + target + ", " + body.length + " body bytes]";
    }
}
