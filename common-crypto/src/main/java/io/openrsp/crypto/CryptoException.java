package io.openrsp.crypto;

import java.security.GeneralSecurityException;

/**
 * The one failure of this module's primitives on bad input: a MAC or tag that does not verify, a signature
 * that does not verify, a point not on the curve, a counter out of sequence. The message names the check
 * that failed and never carries key material or plaintext; decryption failures all read the same. A protocol
 * whose specification codes its failures may subclass it to carry the code (e.g. the SCP80 PoR status).
 */
public class CryptoException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
