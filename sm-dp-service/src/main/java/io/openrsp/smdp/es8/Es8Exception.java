package io.openrsp.smdp.es8;

import io.openrsp.rsp.es.StatusCodeData;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §3.1.3 / §4.1.3: why an ES8 step (key establishment or profile download) did not complete. The
 * message is for the operator: it names the step's detail (a status word, the EUM, the PKI reason) and never carries
 * key bytes, profile data or a peer's raw answer.
 */
public final class Es8Exception extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the order the steps meet them. */
    public enum Reason {
        /** The ECASD certificate in the EIS is malformed, does not chain CI → EUM → ECASD, or names another EID. */
        ECASD_CERTIFICATE_INVALID,
        /** The EIS names an EUM ({@code eumId}) whose certificate is not configured. */
        UNKNOWN_EUM,
        /** The card answered a status word other than {@code 9000} (the message names it and the command). */
        CARD_REFUSED,
        /** The card's receipt does not verify: it does not hold SK.ECASD or derived other keys. */
        RECEIPT_INVALID,
        /** The card's answer is malformed or its R-MAC does not verify. */
        RESPONSE_INVALID,
        /** The SM-SR answered {@code SendData} with {@code Failed} (or a warning), see {@link #statusCodeData()}. */
        ES3_FAILED,
        /** The SM-SR answered {@code SendData} with {@code Expired}. */
        ES3_EXPIRED,
        /** No {@code SendData} response: the SM-SR was not reached or answered outside the function. */
        TRANSPORT
    }

    private final Reason reason;
    private final @Nullable StatusCodeData statusCodeData;

    Es8Exception(Reason reason, String message) {
        this(reason, message, null, null);
    }

    Es8Exception(Reason reason, String message, @Nullable StatusCodeData statusCodeData, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCodeData = statusCodeData;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#ES3_FAILED} and {@link Reason#ES3_EXPIRED}: the SM-SR's in-band status code, if any. */
    public Optional<StatusCodeData> statusCodeData() {
        return Optional.ofNullable(statusCodeData);
    }
}
