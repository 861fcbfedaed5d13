package io.openrsp.crypto.pki;

/**
 * RFC 5280 §5.3.1 CRLReason codes. {@code removeFromCRL} (8) is left out: it only appears in delta CRLs, which
 * this CA does not issue. {@link #UNSPECIFIED} is written by omitting the reasonCode extension, as RFC 5280
 * asks.
 */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The CRLReason enumerated value. */
    public int code() {
        return code;
    }
}
