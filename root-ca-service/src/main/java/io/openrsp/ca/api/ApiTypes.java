package io.openrsp.ca.api;

import io.openrsp.ca.authority.Enrollment;
import io.openrsp.ca.authority.TokenService.CreatedToken;
import io.openrsp.ca.store.CertificateStatus;
import io.openrsp.ca.store.IssuedCertificate;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The CA's JSON bodies (never persistence rows). Durations are ISO-8601, e.g. {@code P90D}. */
final class ApiTypes {

    private ApiTypes() {}

    /** POST /certificates: {@code csr} is PEM or base64 DER; {@code validity} defaults to the profile's maximum. */
    record EnrollRequest(
            @Nullable String csr,
            @Nullable CertificateProfile profile,
            @Nullable Duration validity) {}

    record EnrollResponse(String serial, CertificateView certificate, String certificatePem, String chainPem) {
        static EnrollResponse of(Enrollment enrollment) {
            IssuedCertificate issued = enrollment.certificate();
            return new EnrollResponse(
                    issued.serialHex(), CertificateView.of(issued), issued.certificatePem(), enrollment.chainPem());
        }
    }

    record CertificateView(
            String serial,
            String subject,
            CertificateProfile profile,
            Instant notBefore,
            Instant notAfter,
            CertificateStatus status,
            @Nullable Instant revokedAt,
            @Nullable RevocationReason revocationReason,
            Instant issuedAt,
            String certificatePem) {
        static CertificateView of(IssuedCertificate c) {
            return new CertificateView(
                    c.serialHex(),
                    c.subject(),
                    c.profile(),
                    c.notBefore(),
                    c.notAfter(),
                    c.status(),
                    c.revokedAt(),
                    c.revocationReason(),
                    c.issuedAt(),
                    c.certificatePem());
        }
    }

    record RevokeRequest(@Nullable RevocationReason reason) {}

    record TokenRequest(
            @Nullable CertificateProfile profile,
            @Nullable String subject,
            @Nullable Duration validity) {}

    record TokenResponse(String id, String token, CertificateProfile profile, String subject, Instant expiresAt) {
        static TokenResponse of(CreatedToken t) {
            return new TokenResponse(t.id(), t.token(), t.profile(), t.subject(), t.expiresAt());
        }

        @Override
        public String toString() {
            return "TokenResponse[id=" + id + ", token=redacted]";
        }
    }
}
