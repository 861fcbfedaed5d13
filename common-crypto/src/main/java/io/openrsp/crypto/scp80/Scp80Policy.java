package io.openrsp.crypto.scp80;

import java.util.Objects;

/**
 * The minimum security level a receiving application demands (ETSI TS 102 226 §8.2.1.3 MSL, simplified): a
 * packet whose SPI asks for less is refused with {@link PorStatus#INSUFFICIENT_SECURITY_LEVEL} before anything
 * else is looked at. The cryptographic checksum is always required.
 *
 * @param cipheringRequired SPI1 b3 must be set
 * @param minimumCounterMode SPI1 b5b4 must be at least this ({@link Scp80Spi.CounterMode} is ordered)
 */
public record Scp80Policy(boolean cipheringRequired, Scp80Spi.CounterMode minimumCounterMode) {

    /** What the ISD-R of this platform demands: ciphering, and a counter higher than the last one. */
    public static final Scp80Policy ISD_R = new Scp80Policy(true, Scp80Spi.CounterMode.COUNTER_HIGHER);

    public Scp80Policy {
        Objects.requireNonNull(minimumCounterMode, "minimumCounterMode");
    }
}
