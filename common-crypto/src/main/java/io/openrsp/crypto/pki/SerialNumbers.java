package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * RFC 5280 §4.1.2.2 and CA/Browser Forum Baseline Requirements §7.1: certificate serial numbers are positive,
 * at most 20 octets, and carry at least 64 bits from a CSPRNG. Here: 128 random bits, never zero. Uniqueness
 * across the CA's lifetime rests on that entropy; the root CA's store additionally refuses a duplicate.
 */
public final class SerialNumbers {

    /** Random bytes per serial number (128 bits of entropy; at most 17 octets once DER-encoded). */
    public static final int ENTROPY_BYTES = 16;

    private SerialNumbers() {}

    /** A fresh positive serial number with {@value #ENTROPY_BYTES} bytes of entropy from {@code random}. */
    public static BigInteger random(SecureRandom random) {
        byte[] bytes = new byte[ENTROPY_BYTES];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }
}
