package io.openrsp.euicc.es5;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 9112 §4-§6: one HTTP/1.1 response as {@link HttpResponseReader} read it: the status code, the header fields
 * (names in lower case; a name that came twice is refused by the reader, so each has one value) and the whole body
 * (de-chunked).
 *
 * @param status the status code, 100-599
 * @param headers header values by lower-case name
 * @param body the body (copied in and out; empty for 204)
 */
public record AdminHttpResponse(int status, Map<String, String> headers, byte[] body) {

    public AdminHttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599");
        }
        headers = Map.copyOf(headers);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** The value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "AdminHttpResponse[" + status + ", headers=" + headers.keySet() + ", " + body.length + " body bytes]";
    }
}
