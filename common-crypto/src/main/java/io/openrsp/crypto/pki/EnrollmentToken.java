package io.openrsp.crypto.pki;

import java.time.Instant;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A one-time enrollment token as the root CA stored it: bound to one profile and one subject, with an expiry
 * and a used flag. {@code id} identifies the token (for audit); it is not the secret the client presents,
 * which the store compares (as a hash) before it hands this record to {@link EnrollmentPolicy}.
 *
 * <p>One-time use is the store's to guarantee: mark the token used with a conditional update (used = false →
 * true) in the transaction that stores the issued certificate, so two concurrent uses cannot both succeed.
 */
public record EnrollmentToken(
        String id, CertificateProfile profile, X500Principal subject, Instant expiresAt, boolean used) {

    public EnrollmentToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
