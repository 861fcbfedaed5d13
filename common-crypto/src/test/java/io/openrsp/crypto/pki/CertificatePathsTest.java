package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5280 §6 path validation to the CI with the JDK PKIX validator: CI → SM-DP and CI → EUM → ECASD, with and
 * without CRLs, and each failure with its reason.
 */
class CertificatePathsTest {

    private static TestCertificates pki;
    private static CertificatePaths paths;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
        paths = CertificatePaths.trusting(pki.ciCertificate(), TestCertificates.CLOCK);
    }

    @Test
    void validateWhenSmDpIssuedByCiThenValid() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);

        ValidatedPath path = paths.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP);

        assertThat(path.certificates()).containsExactly(smdp.certificate());
        assertThat(path.profile()).isEqualTo(CertificateProfile.SM_DP);
    }

    @Test
    void validateWhenChainEndsWithTheCiThenTheCiIsIgnored() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);

        ValidatedPath path = paths.validate(List.of(smdp.certificate(), pki.ciCertificate()), CertificateProfile.SM_DP);

        assertThat(path.certificates()).containsExactly(smdp.certificate());
    }

    @Test
    void validateWhenEcasdWithItsEumThenValid() throws Exception {
        TestCertificates.Issued ecasd = pki.issue(CertificateProfile.ECASD);

        ValidatedPath path =
                paths.validate(List.of(ecasd.certificate(), pki.eum.certificate()), CertificateProfile.ECASD);

        assertThat(path.leaf()).isEqualTo(ecasd.certificate());
    }

    @Test
    void validateWhenNotRevokedThenValidWithRevocationChecking() throws Exception {
        TestCertificates.Issued revoked = pki.issue(CertificateProfile.SM_DP);
        TestCertificates.Issued kept = pki.issue(CertificateProfile.SM_DP);
        X509CRL crl = ciCrl(revoked.certificate());

        ValidatedPath path = paths.validate(List.of(kept.certificate()), CertificateProfile.SM_DP, List.of(crl));

        assertThat(path.leaf()).isEqualTo(kept.certificate());
    }

    @Test
    void validateWhenRevokedByTheCiCrlThenRevoked() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        X509CRL crl = ciCrl(smdp.certificate());

        assertRefused(
                () -> paths.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP, List.of(crl)),
                PkiException.Reason.REVOKED);
    }

    @Test
    void validateWhenRevokedButNoCrlGivenThenValid() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        ciCrl(smdp.certificate());

        assertThat(paths.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP)
                        .leaf())
                .isEqualTo(smdp.certificate());
    }

    @Test
    void validateWhenEcasdWithBothCrlsAndNoneRevokedThenValid() throws Exception {
        TestCertificates.Issued ecasd = pki.issue(CertificateProfile.ECASD);

        ValidatedPath path = paths.validate(
                pki.chainFor(ecasd, CertificateProfile.ECASD), CertificateProfile.ECASD, List.of(ciCrl(), eumCrl()));

        assertThat(path.leaf()).isEqualTo(ecasd.certificate());
    }

    @Test
    void validateWhenEcasdRevokedByTheEumThenRevoked() throws Exception {
        TestCertificates.Issued ecasd = pki.issue(CertificateProfile.ECASD);

        assertRefused(
                () -> paths.validate(
                        pki.chainFor(ecasd, CertificateProfile.ECASD),
                        CertificateProfile.ECASD,
                        List.of(ciCrl(), eumCrl(ecasd.certificate()))),
                PkiException.Reason.REVOKED);
    }

    @Test
    void validateWhenEumRevokedByTheCiThenEcasdPathRevoked() throws Exception {
        TestCertificates.Issued ecasd = pki.issue(CertificateProfile.ECASD);

        assertRefused(
                () -> paths.validate(
                        pki.chainFor(ecasd, CertificateProfile.ECASD),
                        CertificateProfile.ECASD,
                        List.of(ciCrl(pki.eum.certificate()), eumCrl())),
                PkiException.Reason.REVOKED);
    }

    @Test
    void validateWhenEcasdAndOnlyTheCiCrlThenRevocationStatusUnknown() throws Exception {
        TestCertificates.Issued ecasd = pki.issue(CertificateProfile.ECASD);

        assertRefused(
                () -> paths.validate(
                        pki.chainFor(ecasd, CertificateProfile.ECASD), CertificateProfile.ECASD, List.of(ciCrl())),
                PkiException.Reason.REVOCATION_STATUS_UNKNOWN);
    }

    @Test
    void validateWhenCrlPastNextUpdateThenRevocationStatusUnknown() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        X509CRL crl = ciCrl();
        CertificatePaths later = CertificatePaths.trusting(pki.ciCertificate(), at(NOW.plus(Duration.ofDays(8))));

        assertRefused(
                () -> later.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP, List.of(crl)),
                PkiException.Reason.REVOCATION_STATUS_UNKNOWN);
    }

    @Test
    void validateWhenCrlSignedByAForgedCiOfTheSameNameThenRevocationStatusUnknown() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        X509CRL forged = CrlBuilder.of(TestCertificates.other(true).ci)
                .build(BigInteger.ONE, NOW, NOW.plus(Duration.ofDays(7)), List.of());

        assertRefused(
                () -> paths.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP, List.of(forged)),
                PkiException.Reason.REVOCATION_STATUS_UNKNOWN);
    }

    @Test
    void validateWhenAfterNotAfterThenExpired() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        CertificatePaths later = CertificatePaths.trusting(pki.ciCertificate(), at(NOW.plus(Duration.ofDays(300))));

        assertRefused(
                () -> later.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP),
                PkiException.Reason.EXPIRED);
    }

    @Test
    void validateWhenBeforeNotBeforeThenNotYetValid() throws Exception {
        TestCertificates.Issued smdp = pki.issue(CertificateProfile.SM_DP);
        CertificatePaths earlier = CertificatePaths.trusting(pki.ciCertificate(), at(NOW.minus(Duration.ofDays(2))));

        assertRefused(
                () -> earlier.validate(List.of(smdp.certificate()), CertificateProfile.SM_DP),
                PkiException.Reason.NOT_YET_VALID);
    }

    @Test
    void validateWhenIssuedByAnotherCiThenUntrusted() throws Exception {
        X509Certificate foreign =
                TestCertificates.other(false).issue(CertificateProfile.SM_DP).certificate();

        assertRefused(() -> paths.validate(List.of(foreign), CertificateProfile.SM_DP), PkiException.Reason.UNTRUSTED);
    }

    @Test
    void validateWhenIssuedByAForgedCiOfTheSameNameThenUntrusted() throws Exception {
        X509Certificate forged =
                TestCertificates.other(true).issue(CertificateProfile.SM_DP).certificate();

        assertRefused(() -> paths.validate(List.of(forged), CertificateProfile.SM_DP), PkiException.Reason.UNTRUSTED);
    }

    @Test
    void validateWhenOperatorPresentedAsSmDpThenWrongProfile() throws Exception {
        X509Certificate operator = pki.issue(CertificateProfile.OPERATOR).certificate();

        assertRefused(
                () -> paths.validate(List.of(operator), CertificateProfile.SM_DP), PkiException.Reason.WRONG_PROFILE);
    }

    @Test
    void validateWhenEcasdWithoutItsEumThenUntrusted() throws Exception {
        X509Certificate ecasd = pki.issue(CertificateProfile.ECASD).certificate();

        assertRefused(() -> paths.validate(List.of(ecasd), CertificateProfile.ECASD), PkiException.Reason.UNTRUSTED);
    }

    @Test
    void validateWhenEcasdIntermediateIsNotAnEumThenWrongProfile() throws Exception {
        X509Certificate ecasd = pki.issue(CertificateProfile.ECASD).certificate();
        X509Certificate notEum = pki.issue(CertificateProfile.SM_SR).certificate();

        assertRefused(
                () -> paths.validate(List.of(ecasd, notEum), CertificateProfile.ECASD),
                PkiException.Reason.WRONG_PROFILE);
    }

    @Test
    void validateWhenEcasdUnderAnotherEumThenUntrusted() throws Exception {
        TestCertificates other = TestCertificates.other(false);
        X509Certificate ecasd = other.issue(CertificateProfile.ECASD).certificate();

        assertRefused(
                () -> paths.validate(List.of(ecasd, pki.eum.certificate()), CertificateProfile.ECASD),
                PkiException.Reason.UNTRUSTED);
    }

    @Test
    void validateWhenCiIssuedLeafComesWithAnExtraCertificateThenUntrusted() throws Exception {
        X509Certificate smdp = pki.issue(CertificateProfile.SM_DP).certificate();

        assertRefused(
                () -> paths.validate(List.of(smdp, pki.eum.certificate()), CertificateProfile.SM_DP),
                PkiException.Reason.UNTRUSTED);
    }

    @Test
    void validateWhenExpectedProfileIsCiThenRejected() {
        assertThatThrownBy(() -> paths.validate(List.of(pki.ciCertificate()), CertificateProfile.CI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustingWhenAnchorIsNotSelfSignedThenIssuerInvalid() {
        assertRefused(
                () -> CertificatePaths.trusting(pki.eum.certificate(), TestCertificates.CLOCK),
                PkiException.Reason.ISSUER_INVALID);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static X509CRL ciCrl(X509Certificate... revoked) throws PkiException {
        return crl(pki.ci, revoked);
    }

    private static X509CRL eumCrl(X509Certificate... revoked) throws PkiException {
        return crl(pki.eumCa, revoked);
    }

    static X509CRL crl(CertificateAuthority authority, X509Certificate... revoked) throws PkiException {
        List<RevokedCertificate> entries = java.util.Arrays.stream(revoked)
                .map(c -> new RevokedCertificate(
                        c.getSerialNumber(), NOW.minusSeconds(60), RevocationReason.KEY_COMPROMISE))
                .toList();
        return CrlBuilder.of(authority)
                .build(BigInteger.ONE, NOW.minusSeconds(3600), NOW.plus(Duration.ofDays(7)), entries);
    }
}
