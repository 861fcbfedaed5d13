package io.openrsp.rsp.scp81;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import java.util.HexFormat;
import java.util.Objects;

/**
 * GlobalPlatform Card Specification v2.2 Amendment B §3.3-§3.7 (RAM over HTTP) and GSMA SGP.02 v4.2 §2.4, as
 * DESIGN.md §3.2 binds them: the constants of the admin protocol the card (HTTP client) and the SM-SR (HTTP
 * server) speak inside the PSK-TLS session, and the codecs of its header values.
 *
 * <pre>
 *   X-Admin-From:                 //se-id/eid/&lt;EID&gt;;//aa-id/aid/&lt;ISD-R AID, hex&gt;
 *   X-Admin-Targeted-Application: //aid/&lt;RID, 5 bytes hex&gt;/&lt;PIX hex&gt;
 * </pre>
 *
 * <p>This platform writes hex in upper case and reads either case. Decoding failures raise {@link
 * Scp81FormatException} with the character offset in the header value.
 */
public final class AdminProtocol {

    /** The {@code X-Admin-Protocol} value. */
    public static final String PROTOCOL = "globalplatform-remote-admin/1.0";

    public static final String X_ADMIN_PROTOCOL = "X-Admin-Protocol";
    public static final String X_ADMIN_FROM = "X-Admin-From";
    public static final String X_ADMIN_NEXT_URI = "X-Admin-Next-URI";
    public static final String X_ADMIN_TARGETED_APPLICATION = "X-Admin-Targeted-Application";
    public static final String X_ADMIN_SCRIPT_STATUS = "X-Admin-Script-Status";
    public static final String X_ADMIN_RESUME = "X-Admin-Resume";

    /** Content type of the SM-SR's answers: an expanded command script. */
    public static final String COMMAND_CONTENT_TYPE = "application/vnd.globalplatform.card-content-mgt;version=1.0";
    /** Content type of the card's requests: notifications, then expanded response scripts. */
    public static final String RESPONSE_CONTENT_TYPE =
            "application/vnd.globalplatform.card-content-mgt-response;version=1.0";

    /** The admin URI the push SMS names (HTTP POST parameters of the trigger). */
    public static final String DEFAULT_ADMIN_URI = "/gsma/adminagent";

    /** {@code X-Admin-Script-Status}: the script was executed (its response script may still report an error). */
    public static final String SCRIPT_STATUS_OK = "ok";
    /** {@code X-Admin-Script-Status}: the targeted application does not exist on the card. */
    public static final String SCRIPT_STATUS_UNKNOWN_APPLICATION = "unknown-application";
    /** {@code X-Admin-Script-Status}: the targeted application is not a security domain. */
    public static final String SCRIPT_STATUS_NOT_A_SECURITY_DOMAIN = "not-a-security-domain";
    /** {@code X-Admin-Script-Status}: the script failed a security check. */
    public static final String SCRIPT_STATUS_SECURITY_ERROR = "security-error";

    private static final String SE_ID_EID = "//se-id/eid/";
    private static final String AA_ID_AID = ";//aa-id/aid/";
    private static final String AID_PREFIX = "//aid/";
    private static final int RID_BYTES = 5;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private AdminProtocol() {}

    /** The {@code X-Admin-From} value of the card {@code eid}'s admin agent, the ISD-R {@code isdR}. */
    public static String from(Eid eid, Aid isdR) {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(isdR, "isdR");
        return SE_ID_EID + eid.digits() + AA_ID_AID + isdR;
    }

    /**
     * The EID of an {@code X-Admin-From} value ({@code //se-id/eid/<EID>}, then optionally {@code ;...}).
     *
     * @throws Scp81FormatException if the value does not start that way or the EID is not valid
     */
    public static Eid eidFrom(String header) {
        if (header == null || !header.startsWith(SE_ID_EID)) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, 0, "X-Admin-From does not start " + SE_ID_EID);
        }
        int start = SE_ID_EID.length();
        int end = header.indexOf(';', start);
        String digits = header.substring(start, end < 0 ? header.length() : end);
        try {
            return Eid.of(digits);
        } catch (IllegalArgumentException e) {
            throw new Scp81FormatException(Reason.INVALID_VALUE, start, "X-Admin-From EID: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code X-Admin-Targeted-Application} value that addresses {@code aid}: {@code //aid/<RID>/<PIX>}.
     */
    public static String targetedApplication(Aid aid) {
        byte[] bytes = aid.bytes();
        return AID_PREFIX + HEX.formatHex(bytes, 0, RID_BYTES) + "/" + HEX.formatHex(bytes, RID_BYTES, bytes.length);
    }

    /**
     * The AID of an {@code X-Admin-Targeted-Application} value.
     *
     * @throws Scp81FormatException unless the value is {@code //aid/} + 10 hex digits + {@code /} + 0 to 22 hex
     *     digits
     */
    public static Aid parseTargetedApplication(String header) {
        if (header == null || !header.startsWith(AID_PREFIX)) {
            throw new Scp81FormatException(
                    Reason.INVALID_VALUE, 0, "X-Admin-Targeted-Application does not start " + AID_PREFIX);
        }
        int ridStart = AID_PREFIX.length();
        int slash = ridStart + 2 * RID_BYTES;
        if (header.length() <= slash || header.charAt(slash) != '/') {
            throw new Scp81FormatException(Reason.INVALID_VALUE, ridStart, "RID is not 5 bytes followed by /");
        }
        String hex = header.substring(ridStart, slash) + header.substring(slash + 1);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                int offset = i < 2 * RID_BYTES ? ridStart + i : slash + 1 + i - 2 * RID_BYTES;
                throw new Scp81FormatException(Reason.MALFORMED_HEX, offset, "not a hex digit");
            }
        }
        if (hex.length() % 2 != 0 || hex.length() > 2 * Aid.MAX_LENGTH) {
            throw new Scp81FormatException(
                    Reason.INVALID_LENGTH, slash + 1, "PIX must be whole bytes, AID at most 16 bytes");
        }
        return Aid.fromHex(hex);
    }
}
