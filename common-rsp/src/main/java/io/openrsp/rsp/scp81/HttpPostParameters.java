package io.openrsp.rsp.scp81;

import static io.openrsp.rsp.scp81.TriggerTags.ADMIN_HOST;
import static io.openrsp.rsp.scp81.TriggerTags.ADMIN_URI;
import static io.openrsp.rsp.scp81.TriggerTags.AGENT_ID;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GlobalPlatform Amendment B §3.8.4-§3.8.6: the HTTP POST parameters {@code 89 {8A host} {8B agent id}
 * {8C URI}} the card uses for its first request.
 *
 * <p>This platform's choices: host and URI are mandatory and the agent ID optional; all three are visible
 * US-ASCII ({@code 21}-{@code 7E}), because they end up in an HTTP request line and headers (no spaces, no
 * CR/LF). Decoding accepts the three in any order, each at most once.
 *
 * @param adminHost the HTTP {@code Host} of the SM-SR's admin endpoint
 * @param agentId the agent ID, if any
 * @param adminUri the request URI of the first POST
 */
public record HttpPostParameters(String adminHost, Optional<String> agentId, String adminUri) {

    public HttpPostParameters {
        requireVisibleAscii(adminHost, "admin host");
        Objects.requireNonNull(agentId, "agentId").ifPresent(a -> requireVisibleAscii(a, "agent ID"));
        requireVisibleAscii(adminUri, "admin URI");
    }

    public static HttpPostParameters of(String adminHost, String adminUri) {
        return new HttpPostParameters(adminHost, Optional.empty(), adminUri);
    }

    private static void requireVisibleAscii(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty() || text.length() > 0xFF) {
            throw new IllegalArgumentException(what + " must be 1-255 characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException(what + " has a character that is not visible ASCII at " + i);
            }
        }
    }

    Tlv toTlv() {
        List<Tlv> children = new ArrayList<>(3);
        children.add(Tlv.of(ADMIN_HOST, adminHost.getBytes(StandardCharsets.US_ASCII)));
        agentId.ifPresent(a -> children.add(Tlv.of(AGENT_ID, a.getBytes(StandardCharsets.US_ASCII))));
        children.add(Tlv.of(ADMIN_URI, adminUri.getBytes(StandardCharsets.US_ASCII)));
        return Tlv.constructed(TriggerTags.HTTP_POST_PARAMETERS, children);
    }

    /** Decodes the {@code 89} TLV; TLV errors are left to the caller. */
    static HttpPostParameters decode(Tlv tlv) {
        Tlv host = null;
        Tlv agent = null;
        Tlv uri = null;
        for (Tlv child : tlv.children()) {
            Tag tag = child.tag();
            if (tag.equals(ADMIN_HOST)) {
                host = Elements.once(host, child);
            } else if (tag.equals(AGENT_ID)) {
                agent = Elements.once(agent, child);
            } else if (tag.equals(ADMIN_URI)) {
                uri = Elements.once(uri, child);
            } else {
                throw new Scp81FormatException(Reason.UNEXPECTED_TAG, child.offset(), "in HTTP POST parameters");
            }
        }
        int end = tlv.valueOffset() + tlv.length();
        return new HttpPostParameters(
                text(Elements.required(host, end, "admin host")),
                agent == null ? Optional.empty() : Optional.of(text(agent)),
                text(Elements.required(uri, end, "admin URI")));
    }

    private static String text(Tlv tlv) {
        byte[] value = tlv.value();
        if (value.length == 0 || value.length > 0xFF) {
            throw new Scp81FormatException(Reason.INVALID_LENGTH, tlv.offset() + 1, "1-255 bytes in " + tlv.tag());
        }
        for (int i = 0; i < value.length; i++) {
            if (value[i] < 0x21 || value[i] > 0x7E) {
                throw new Scp81FormatException(
                        Reason.INVALID_VALUE, tlv.valueOffset() + i, "not visible ASCII in " + tlv.tag());
            }
        }
        return new String(value, StandardCharsets.US_ASCII);
    }
}
