package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.security.PublicKey;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What the issuer is asked to sign (the TBSCertificate's variable parts, RFC 5280 §4.1): the subject's key and
 * names, the profile that fixes the extensions, the validity and a serial from {@link SerialNumbers}. The
 * request is authorised before it gets here ({@link EnrollmentPolicy}); the issuer still enforces the
 * profile's rules.
 */
public record IssuanceRequest(
        PublicKey publicKey,
        X500Principal subject,
        SubjectAltNames subjectAltNames,
        CertificateProfile profile,
        Validity validity,
        BigInteger serialNumber) {

    /** RFC 5280 §4.1.2.2: at most 20 octets, so at most 159 value bits for a positive number. */
    private static final int MAX_SERIAL_BITS = 159;

    public IssuanceRequest {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectAltNames, "subjectAltNames");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(serialNumber, "serialNumber");
        if (serialNumber.signum() <= 0 || serialNumber.bitLength() > MAX_SERIAL_BITS) {
            throw new IllegalArgumentException("serial number must be positive and at most 20 octets");
        }
    }
}
