package io.openrsp.rsp.scp81;

import static io.openrsp.rsp.scp81.TriggerTags.CONNECTION_PARAMETERS;
import static io.openrsp.rsp.scp81.TriggerTags.HTTP_POST_PARAMETERS;
import static io.openrsp.rsp.scp81.TriggerTags.RETRY_POLICY;
import static io.openrsp.rsp.scp81.TriggerTags.SECURITY_PARAMETERS;
import static io.openrsp.rsp.scp81.TriggerTags.SESSION_PARAMETERS;
import static io.openrsp.rsp.scp81.TriggerTags.TRIGGERING_PARAMETERS;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GlobalPlatform Card Specification v2.3 Amendment B §3.6 / Table 3-3: the administration session
 * triggering parameters that the SM-SR's push SMS carries to the ISD-R (GSMA SGP.02 v4.2 §2.4.3, DESIGN.md
 * §3.2), telling the card where and how to open its SCP81 session:
 *
 * <pre>
 * 81 L                         administration session triggering parameters
 *    83 L                      administration session parameters
 *       84 L {35 39 [47] 3C 3E} connection parameters ({@link ConnectionParameters})
 *       85 L {Lid id 02 KVN KID} security parameters (the {@link PskIdentity})
 *       [86 L {counter 25 03 HHMMSS}] retry policy ({@link RetryPolicy})
 *       89 L {8A host [8B agent] 8C uri} HTTP POST parameters ({@link HttpPostParameters})
 * </pre>
 *
 * <p>This platform's choices (tags in {@link TriggerTags}): the PSK identity in {@code 85} is the TLS
 * identity bytes of {@link PskIdentity#toTlsIdentity()}, and its KVN/KID must equal those of the key
 * reference that follows; the elements of {@code 83} may come in any order, each at most once, and nothing
 * else may appear in {@code 81} or {@code 83} (no extended security parameters {@code A5}, no DNS
 * resolution parameters {@code B3}).
 */
public record AdminSessionTrigger(
        ConnectionParameters connection,
        PskIdentity pskIdentity,
        Optional<RetryPolicy> retryPolicy,
        HttpPostParameters httpPost) {

    public AdminSessionTrigger {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pskIdentity, "pskIdentity");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(httpPost, "httpPost");
    }

    public byte[] encode() {
        byte[] identity = pskIdentity.encode().getBytes(StandardCharsets.US_ASCII);
        SecurityParameters security = new SecurityParameters(identity, 0, pskIdentity.kvn(), pskIdentity.kid());
        List<Tlv> session = new ArrayList<>(4);
        session.add(Tlv.of(CONNECTION_PARAMETERS, connection.encodeValue()));
        session.add(Tlv.of(SECURITY_PARAMETERS, security.encodeValue()));
        retryPolicy.ifPresent(r -> session.add(Tlv.of(RETRY_POLICY, r.encodeValue())));
        session.add(httpPost.toTlv());
        return Tlv.constructed(TRIGGERING_PARAMETERS, Tlv.constructed(SESSION_PARAMETERS, session))
                .encode();
    }

    /**
     * Decodes the triggering parameters; error offsets index {@code data}.
     *
     * @throws Scp81FormatException if {@code data} is not exactly one well-formed {@code 81} object
     */
    public static AdminSessionTrigger decode(byte[] data) {
        try {
            Tlv root = TlvReader.readSingle(data);
            if (!root.tag().equals(TRIGGERING_PARAMETERS)) {
                throw new Scp81FormatException(
                        Reason.UNEXPECTED_TAG, root.offset(), "expected " + TRIGGERING_PARAMETERS);
            }
            List<Tlv> children = root.children();
            if (children.isEmpty()) {
                throw new Scp81FormatException(Reason.MISSING_ELEMENT, root.valueOffset(), "session parameters");
            }
            Tlv session = children.getFirst();
            if (!session.tag().equals(SESSION_PARAMETERS)) {
                throw new Scp81FormatException(
                        Reason.UNEXPECTED_TAG, session.offset(), "expected " + SESSION_PARAMETERS);
            }
            if (children.size() > 1) {
                throw new Scp81FormatException(
                        Reason.UNEXPECTED_TAG, children.get(1).offset(), "after " + SESSION_PARAMETERS);
            }
            return decodeSession(session);
        } catch (TlvException e) {
            throw new Scp81FormatException(
                    Reason.MALFORMED_TLV, e.offset(), e.reason().toString(), e);
        }
    }

    private static AdminSessionTrigger decodeSession(Tlv session) {
        Tlv connection = null;
        Tlv security = null;
        Tlv retry = null;
        Tlv http = null;
        for (Tlv child : session.children()) {
            Tag tag = child.tag();
            if (tag.equals(CONNECTION_PARAMETERS)) {
                connection = Elements.once(connection, child);
            } else if (tag.equals(SECURITY_PARAMETERS)) {
                security = Elements.once(security, child);
            } else if (tag.equals(RETRY_POLICY)) {
                retry = Elements.once(retry, child);
            } else if (tag.equals(HTTP_POST_PARAMETERS)) {
                http = Elements.once(http, child);
            } else {
                throw new Scp81FormatException(Reason.UNEXPECTED_TAG, child.offset(), "in session parameters");
            }
        }
        int end = session.valueOffset() + session.length();
        return new AdminSessionTrigger(
                ConnectionParameters.decode(Elements.required(connection, end, "connection parameters")),
                pskIdentity(SecurityParameters.decode(Elements.required(security, end, "security parameters"))),
                retry == null ? Optional.empty() : Optional.of(RetryPolicy.decode(retry)),
                HttpPostParameters.decode(Elements.required(http, end, "HTTP POST parameters")));
    }

    private static PskIdentity pskIdentity(SecurityParameters security) {
        String hex = new String(security.identity(), StandardCharsets.ISO_8859_1);
        PskIdentity identity = PskIdentity.decodeHex(hex, security.identityOffset());
        if (identity.kvn() != security.kvn() || identity.kid() != security.kid()) {
            throw new Scp81FormatException(
                    Reason.INVALID_VALUE,
                    security.identityOffset() + security.identity().length + 1,
                    "key reference differs from the PSK identity's KVN/KID");
        }
        return identity;
    }
}
