package io.openrsp.ca.store;

import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.RevocationReason;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §2: what the CI records of each certificate it issued. {@code certificatePem} is the certificate
 * itself (RFC 7468), so the web layer can return it without touching crypto.
 */
public record IssuedCertificate(
        BigInteger serialNumber,
        String subject,
        CertificateProfile profile,
        Instant notBefore,
        Instant notAfter,
        CertificateStatus status,
        @Nullable Instant revokedAt,
        @Nullable RevocationReason revocationReason,
        Instant issuedAt,
        String authorizedBy,
        String certificatePem) {

    public IssuedCertificate {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(certificatePem, "certificatePem");
    }

    /** The serial as stored and shown in URLs: lower-case hex. */
    public String serialHex() {
        return hex(serialNumber);
    }

    public static String hex(BigInteger serial) {
        return serial.toString(16).toLowerCase(Locale.ROOT);
    }
}
