package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** RFC 5280 §5.1.2.6 revokedCertificates entry: serial, revocation date and reason. */
public record RevokedCertificate(BigInteger serialNumber, Instant revocationDate, RevocationReason reason) {

    public RevokedCertificate {
        Objects.requireNonNull(serialNumber, "serialNumber");
        revocationDate =
                Objects.requireNonNull(revocationDate, "revocationDate").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(reason, "reason");
        if (serialNumber.signum() <= 0) {
            throw new IllegalArgumentException("serial number must be positive");
        }
    }
}
