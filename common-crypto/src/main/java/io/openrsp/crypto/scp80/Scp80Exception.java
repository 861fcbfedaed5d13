package io.openrsp.crypto.scp80;

import io.openrsp.crypto.CryptoException;

/**
 * A secured packet that failed a check of ETSI TS 102 225 §5, with the PoR status code the receiving entity
 * reports for it. The message names the check and never carries keys or packet contents.
 */
public final class Scp80Exception extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final PorStatus porStatus;

    public Scp80Exception(PorStatus porStatus, String message) {
        super(message);
        this.porStatus = porStatus;
    }

    /** The Response Status Code for a PoR about this failure. */
    public PorStatus porStatus() {
        return porStatus;
    }
}
