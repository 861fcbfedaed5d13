package io.openrsp.smdp.order;

/**
 * Why an order failed ({@code failure.reason} on the order, stored by name). The ES8 reasons carry the names of
 * {@code Es8Exception.Reason}, so an operator sees one vocabulary whichever layer found the fault; the step that
 * failed is {@code failure.step}.
 */
public enum FailureReason {
    /** The SM-SR answered the ES3 function {@code Failed}; {@code statusCodeData} holds its status code. */
    ES3_FAILED,
    /** The SM-SR answered {@code Expired}: the validity period ended before the card answered. */
    ES3_EXPIRED,
    /** No ES3 response: the SM-SR was not reached, did not answer in time or answered something unreadable. */
    TRANSPORT,
    /** ES8: the ECASD certificate in the EIS does not validate (chain, EID). */
    ECASD_CERTIFICATE_INVALID,
    /** ES8: the EIS names an EUM whose certificate the SM-DP does not hold. */
    UNKNOWN_EUM,
    /** ES8: the card refused a command (its status word is in the message). */
    CARD_REFUSED,
    /** ES8: the card's key establishment receipt does not verify. */
    RECEIPT_INVALID,
    /** ES8: a card response is malformed or its R-MAC does not verify. */
    RESPONSE_INVALID,
    /** The card answered the download with an EUICCResponse that is not a success. */
    PROFILE_REJECTED,
    /** The SM-DP itself could not run the step (e.g. a configured ES8 file is missing, the package does not open). */
    CONFIGURATION,
    /** An unexpected error in the SM-DP (details in its log, not on the order). */
    INTERNAL_ERROR,
    /** The order could not be resumed after a restart (its recorded steps are inconsistent). */
    INTERRUPTED
}
