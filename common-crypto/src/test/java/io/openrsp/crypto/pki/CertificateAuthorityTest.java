package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CI root (GSMA SGP.02 v4.2 §2.3; RFC 5280 §4.2.1.9-10) and loading a CA from a certificate and a key. */
class CertificateAuthorityTest {

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    @Test
    void createRootWhenValidThenSelfSignedCaWithPathLenOneAndNoCrlDistributionPoint() throws Exception {
        X509Certificate root = pki.ciCertificate();

        assertThat(root.getSubjectX500Principal()).isEqualTo(TestCertificates.CI_SUBJECT);
        assertThat(root.getIssuerX500Principal()).isEqualTo(TestCertificates.CI_SUBJECT);
        root.verify(root.getPublicKey());
        assertThat(root.getVersion()).isEqualTo(3);
        assertThat(root.getSerialNumber().signum()).isPositive();
        assertThat(root.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(root.getNonCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.14", "2.5.29.35");
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(CertificateIssuerTest.keyUsageOf(root))
                .isEqualTo(EnumSet.of(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN));
        assertThat(CertificateIssuerTest.authorityKeyIdOf(root)).isEqualTo(CertificateIssuerTest.subjectKeyIdOf(root));
        assertThat(CertificateIssuerTest.subjectKeyIdOf(root))
                .isEqualTo(CertificateIssuerTest.sha1OfKeyBits(root.getPublicKey()));
        assertThat(pki.ci.profile()).isEqualTo(CertificateProfile.CI);
        assertThat(CertificateProfile.of(root)).contains(CertificateProfile.CI);
    }

    @Test
    void createRootWhenValidityOverTwentyYearsThenValidityTooLong() throws Exception {
        KeyPairSigner signer = KeyPairSigner.of(TestCertificates.newKeyPair(), TestCertificates.RANDOM);

        assertRefused(
                () -> CertificateAuthority.createRoot(
                        TestCertificates.CI_SUBJECT,
                        Validity.of(NOW, Duration.ofDays(7306)),
                        signer,
                        TestCertificates.RANDOM),
                PkiException.Reason.VALIDITY_TOO_LONG);
    }

    @Test
    void createRootWhenSubjectEmptyThenSubjectNotAllowed() throws Exception {
        KeyPairSigner signer = KeyPairSigner.of(TestCertificates.newKeyPair(), TestCertificates.RANDOM);

        assertRefused(
                () -> CertificateAuthority.createRoot(
                        new X500Principal(""), Validity.of(NOW, Duration.ofDays(1)), signer, TestCertificates.RANDOM),
                PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void ofWhenCiCertificateAndItsKeyThenCi() throws Exception {
        CertificateAuthority loaded =
                CertificateAuthority.of(pki.ciCertificate(), KeyPairSigner.of(pki.ciKeys, TestCertificates.RANDOM));

        assertThat(loaded.profile()).isEqualTo(CertificateProfile.CI);
        assertThat(loaded.certificate()).isEqualTo(pki.ciCertificate());
    }

    @Test
    void ofWhenEumCertificateThenEum() {
        assertThat(pki.eumCa.profile()).isEqualTo(CertificateProfile.EUM);
    }

    @Test
    void ofWhenSignerHoldsAnotherKeyThenIssuerInvalid() throws Exception {
        KeyPairSigner other = KeyPairSigner.of(TestCertificates.newKeyPair(), TestCertificates.RANDOM);

        assertRefused(() -> CertificateAuthority.of(pki.ciCertificate(), other), PkiException.Reason.ISSUER_INVALID);
    }

    @Test
    void ofWhenLeafCertificateThenIssuerInvalid() throws Exception {
        TestCertificates.Issued leaf = pki.issue(CertificateProfile.ADMIN);
        KeyPairSigner signer = KeyPairSigner.of(leaf.keys(), TestCertificates.RANDOM);

        assertRefused(() -> CertificateAuthority.of(leaf.certificate(), signer), PkiException.Reason.ISSUER_INVALID);
    }

    @Test
    void keyPairSignerWhenPrivateKeyDoesNotMatchThenIssuerInvalid() {
        KeyPair mismatched = new KeyPair(
                TestCertificates.newKeyPair().getPublic(),
                TestCertificates.newKeyPair().getPrivate());

        assertRefused(() -> KeyPairSigner.of(mismatched, TestCertificates.RANDOM), PkiException.Reason.ISSUER_INVALID);
    }

    @Test
    void keyPairSignerWhenP384ThenKeyNotEcP256() {
        assertRefused(
                () -> KeyPairSigner.of(TestCertificates.newKeyPair("secp384r1"), TestCertificates.RANDOM),
                PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void keyPairSignerWhenToStringThenPrivateKeyRedacted() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();
        String text = KeyPairSigner.of(keys, TestCertificates.RANDOM).toString();

        assertThat(text).contains("redacted");
        assertThat(text).doesNotContain(keys.getPrivate().toString());
        assertThat(text)
                .doesNotContain(
                        java.util.HexFormat.of().formatHex(keys.getPrivate().getEncoded()));
    }
}
