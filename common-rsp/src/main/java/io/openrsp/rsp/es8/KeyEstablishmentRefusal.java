package io.openrsp.rsp.es8;

import io.openrsp.rsp.apdu.StatusWord;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.3.2 (ES8 EstablishISDPKeySet), card side: why the ISD-P refuses a {@code 3A01} or
 * {@code 3A02}, and the status word it answers. The message names the check that failed, never key material.
 */
public final class KeyEstablishmentRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the card refuses; each maps to one status word. */
    public enum Reason {
        /** Not the TLV expected, or a field with a wrong length or value (a CRT other than this platform's). */
        MALFORMED(StatusWord.WRONG_DATA),
        /** CERT.DP.ECDSA does not validate against the CI as an SM-DP certificate. */
        CERTIFICATE_INVALID(StatusWord.SECURITY_STATUS_NOT_SATISFIED),
        /** The SM-DP's signature over the CRT, ePK.DP and the card challenge does not verify with PK.DP. */
        SIGNATURE_INVALID(StatusWord.SECURITY_STATUS_NOT_SATISFIED),
        /** {@code 3A02} without a good {@code 3A01} before it, or a command after the establishment ended. */
        SEQUENCE(StatusWord.CONDITIONS_NOT_SATISFIED);

        private final StatusWord statusWord;

        Reason(StatusWord statusWord) {
            this.statusWord = statusWord;
        }

        public StatusWord statusWord() {
            return statusWord;
        }
    }

    private final Reason reason;

    public KeyEstablishmentRefusal(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code 6A80} (MALFORMED), {@code 6982} (CERTIFICATE_INVALID, SIGNATURE_INVALID), {@code 6985} (SEQUENCE). */
    public StatusWord statusWord() {
        return reason.statusWord();
    }
}
