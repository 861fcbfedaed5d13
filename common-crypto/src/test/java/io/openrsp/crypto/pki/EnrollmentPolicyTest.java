package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md §2 enrollment: admin certificate or one-time token, and each refusal with its reason. */
class EnrollmentPolicyTest {

    private static final X500Principal SMDP = new X500Principal("CN=SM-DP-2,O=OpenRSP");

    private static TestCertificates pki;
    private static EnrollmentPolicy policy;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
        policy = new EnrollmentPolicy(RoleMapper.trusting(pki.ciCertificate()), TestCertificates.CLOCK);
    }

    @Test
    void authorizeAdminWhenAdminCertificateThenAnyCiProfileAndSubject() throws Exception {
        var admin = pki.issue(CertificateProfile.ADMIN).certificate();

        EnrollmentPolicy.Authorization authorization = policy.authorizeAdmin(admin, CertificateProfile.EUM, SMDP);

        assertThat(authorization.profile()).isEqualTo(CertificateProfile.EUM);
        assertThat(authorization.subject()).isEqualTo(SMDP);
        assertThat(authorization.authorizedBy()).startsWith("admin ").contains("ADMIN-1");
    }

    @Test
    void authorizeAdminWhenOperatorCertificateThenNotAuthorized() throws Exception {
        var operator = pki.issue(CertificateProfile.OPERATOR).certificate();

        assertRefused(
                () -> policy.authorizeAdmin(operator, CertificateProfile.SM_DP, SMDP),
                PkiException.Reason.NOT_AUTHORIZED);
    }

    @Test
    void authorizeAdminWhenAdminFromAForgedCiThenNotAuthorized() throws Exception {
        var forged =
                TestCertificates.other(true).issue(CertificateProfile.ADMIN).certificate();

        assertRefused(
                () -> policy.authorizeAdmin(forged, CertificateProfile.SM_DP, SMDP),
                PkiException.Reason.NOT_AUTHORIZED);
    }

    @Test
    void authorizeAdminWhenCiProfileThenProfileNotAllowed() throws Exception {
        var admin = pki.issue(CertificateProfile.ADMIN).certificate();

        assertRefused(
                () -> policy.authorizeAdmin(admin, CertificateProfile.CI, SMDP),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void authorizeAdminWhenEcasdProfileThenProfileNotAllowed() throws Exception {
        var admin = pki.issue(CertificateProfile.ADMIN).certificate();

        assertRefused(
                () -> policy.authorizeAdmin(admin, CertificateProfile.ECASD, SMDP),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void authorizeTokenWhenUnusedUnexpiredAndMatchingThenAuthorized() throws Exception {
        EnrollmentPolicy.Authorization authorization =
                policy.authorizeToken(token(false, NOW.plusSeconds(1)), CertificateProfile.SM_DP, SMDP);

        assertThat(authorization.authorizedBy()).isEqualTo("token t-1");
    }

    @Test
    void authorizeTokenWhenUsedThenTokenUsed() {
        assertRefused(
                () -> policy.authorizeToken(token(true, NOW.plus(Duration.ofHours(1))), CertificateProfile.SM_DP, SMDP),
                PkiException.Reason.TOKEN_USED);
    }

    @Test
    void authorizeTokenWhenExpiryIsNowThenTokenExpired() {
        assertRefused(
                () -> policy.authorizeToken(token(false, NOW), CertificateProfile.SM_DP, SMDP),
                PkiException.Reason.TOKEN_EXPIRED);
    }

    @Test
    void authorizeTokenWhenOtherProfileThenProfileNotAllowed() {
        assertRefused(
                () -> policy.authorizeToken(token(false, NOW.plusSeconds(60)), CertificateProfile.ADMIN, SMDP),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void authorizeTokenWhenOtherSubjectThenSubjectNotAllowed() {
        assertRefused(
                () -> policy.authorizeToken(
                        token(false, NOW.plusSeconds(60)),
                        CertificateProfile.SM_DP,
                        new X500Principal("CN=SM-DP-3,O=OpenRSP")),
                PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void authorizeTokenWhenSubjectEqualButDifferentlyWrittenThenAuthorized() throws Exception {
        X500Principal sameName = new X500Principal("cn=sm-dp-2, o=openrsp");

        assertThat(policy.authorizeToken(token(false, NOW.plusSeconds(60)), CertificateProfile.SM_DP, sameName)
                        .profile())
                .isEqualTo(CertificateProfile.SM_DP);
    }

    private static EnrollmentToken token(boolean used, java.time.Instant expiresAt) {
        return new EnrollmentToken("t-1", CertificateProfile.SM_DP, SMDP, expiresAt, used);
    }
}
