package io.openrsp.crypto.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * RFC 5280 §4.1.2.5 validity period, both ends inclusive. X.509 time has one-second resolution, so both
 * instants are truncated to whole seconds here and a certificate's dates equal the record's.
 */
public record Validity(Instant notBefore, Instant notAfter) {

    public Validity {
        notBefore = Objects.requireNonNull(notBefore, "notBefore").truncatedTo(ChronoUnit.SECONDS);
        notAfter = Objects.requireNonNull(notAfter, "notAfter").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A period starting at {@code notBefore} and lasting {@code length}. */
    public static Validity of(Instant notBefore, Duration length) {
        Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
        return new Validity(start, start.plus(length));
    }

    public Duration length() {
        return Duration.between(notBefore, notAfter);
    }

    /** Whether {@code other} lies within this period. */
    public boolean contains(Validity other) {
        return !other.notBefore.isBefore(notBefore) && !other.notAfter.isAfter(notAfter);
    }
}
