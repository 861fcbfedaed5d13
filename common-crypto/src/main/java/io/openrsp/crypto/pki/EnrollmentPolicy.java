package io.openrsp.crypto.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * DESIGN.md §2 enrollment: decides who may get which certificate (step-ca's provisioner). Two ways in:
 *
 * <ul>
 *   <li>an admin client certificate ({@link Role#ADMIN} per {@link RoleMapper}) may request any profile the
 *       CI issues, for any subject;
 *   <li>a one-time {@link EnrollmentToken} allows exactly its profile and its subject, once, before it expires.
 * </ul>
 *
 * <p>The CI profile is never requested (the root is created, not issued) and ECASD certificates are the EUM's
 * to issue. Validity and key checks are the issuer's ({@link CertificateIssuer}) and the CSR validator's.
 */
public final class EnrollmentPolicy {

    private final RoleMapper roles;
    private final Clock clock;

    public EnrollmentPolicy(RoleMapper roles, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome: what may be issued and on whose authority (for the audit record). */
    public record Authorization(CertificateProfile profile, X500Principal subject, String authorizedBy) {}

    /**
     * Authorises a request made with an admin client certificate (already validated by TLS).
     *
     * @throws PkiException {@code NOT_AUTHORIZED} if the certificate does not grant ADMIN,
     *     {@code PROFILE_NOT_ALLOWED} for the CI or ECASD profile
     */
    public Authorization authorizeAdmin(
            X509Certificate adminCertificate, CertificateProfile profile, X500Principal subject) throws PkiException {
        Objects.requireNonNull(adminCertificate, "adminCertificate");
        checkRequestable(profile);
        Objects.requireNonNull(subject, "subject");
        Optional<Role> role = roles.roleOf(adminCertificate);
        if (role.isEmpty() || role.get() != Role.ADMIN) {
            throw new PkiException(PkiException.Reason.NOT_AUTHORIZED, "an ADMIN client certificate is required");
        }
        return new Authorization(
                profile,
                subject,
                "admin " + adminCertificate.getSubjectX500Principal().getName());
    }

    /**
     * Authorises a request made with a one-time enrollment token.
     *
     * @throws PkiException {@code TOKEN_USED}, {@code TOKEN_EXPIRED}, {@code PROFILE_NOT_ALLOWED} (another
     *     profile than the token's), {@code SUBJECT_NOT_ALLOWED} (another subject than the token's)
     */
    public Authorization authorizeToken(EnrollmentToken token, CertificateProfile profile, X500Principal subject)
            throws PkiException {
        Objects.requireNonNull(token, "token");
        checkRequestable(profile);
        Objects.requireNonNull(subject, "subject");
        if (token.used()) {
            throw new PkiException(PkiException.Reason.TOKEN_USED, "the enrollment token was already used");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new PkiException(PkiException.Reason.TOKEN_EXPIRED, "the enrollment token has expired");
        }
        if (token.profile() != profile) {
            throw new PkiException(
                    PkiException.Reason.PROFILE_NOT_ALLOWED, "the enrollment token is for another profile");
        }
        if (!token.subject().equals(subject)) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED, "the enrollment token is for another subject");
        }
        return new Authorization(profile, subject, "token " + token.id());
    }

    private static void checkRequestable(CertificateProfile profile) throws PkiException {
        Objects.requireNonNull(profile, "profile");
        if (profile == CertificateProfile.CI || profile.issuerProfile() != CertificateProfile.CI) {
            throw new PkiException(
                    PkiException.Reason.PROFILE_NOT_ALLOWED, "the CI does not issue " + profile + " certificates");
        }
    }
}
