package io.openrsp.ca.authority;

import io.openrsp.crypto.pki.CertificateProfile;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §2 enrollment request, converted from the wire: the CSR (PEM text or base64 DER), the profile, the
 * requested validity (null: the profile's maximum) and the caller's credentials (an admin client certificate
 * validated by TLS, or a bearer token).
 */
public record EnrollmentCommand(
        @Nullable String csr,
        @Nullable CertificateProfile profile,
        @Nullable Duration validity,
        @Nullable X509Certificate clientCertificate,
        @Nullable String bearerToken) {

    @Override
    public String toString() {
        return "EnrollmentCommand[profile=" + profile + ", validity=" + validity + ", token="
                + (bearerToken == null ? "none" : "redacted") + "]";
    }
}
