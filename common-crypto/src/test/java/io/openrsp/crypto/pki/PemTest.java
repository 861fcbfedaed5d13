package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7468 PEM: round trips of each object type and strict refusals of malformed or unexpected text. */
class PemTest {

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    @Test
    void certificateWhenEncodedThenReadBackEqual() throws Exception {
        String pem = Pem.encodeCertificate(pki.ciCertificate());

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(Pem.readCertificate(pem)).isEqualTo(pki.ciCertificate());
    }

    @Test
    void certificatesWhenChainEncodedThenReadBackInOrder() throws Exception {
        List<X509Certificate> chain =
                List.of(pki.issue(CertificateProfile.ECASD).certificate(), pki.eum.certificate());

        assertThat(Pem.readCertificates(Pem.encodeCertificates(chain))).containsExactlyElementsOf(chain);
    }

    @Test
    void certificatesWhenExplanatoryTextAroundThenIgnored() throws Exception {
        String pem = "Subject: the CI\n" + Pem.encodeCertificate(pki.ciCertificate()) + "trailing note\n";

        assertThat(Pem.readCertificate(pem)).isEqualTo(pki.ciCertificate());
    }

    @Test
    void crlWhenEncodedThenReadBackEqual() throws Exception {
        X509CRL crl = CrlBuilder.of(pki.ci).build(BigInteger.ONE, NOW, NOW.plusSeconds(60), List.of());

        String pem = Pem.encodeCrl(crl);

        assertThat(pem).startsWith("-----BEGIN X509 CRL-----");
        assertThat(Pem.readCrl(pem)).isEqualTo(crl);
    }

    @Test
    void csrWhenEncodedThenReadBackSameDer() throws Exception {
        byte[] der = TestCsrs.p256("CN=x", null);

        String pem = Pem.encodeCsr(der);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(Pem.readCsr(pem)).isEqualTo(der);
    }

    @Test
    void privateKeyWhenEncodedThenPkcs8AndReadBackMatchingThePublicKey() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();

        String pem = Pem.encodePrivateKey(keys.getPrivate());
        PrivateKey read = Pem.readPrivateKey(pem);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(read.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        KeyPairSigner.of(new KeyPair(keys.getPublic(), read), TestCertificates.RANDOM);
    }

    @Test
    void privateKeyWhenSec1EcPrivateKeyThenAccepted() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();
        // As OpenSSL writes it (RFC 5915): the private scalar with the named curve in [0].
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                        256,
                        ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
                        org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1)
                .getEncoded();
        String pem = pem("EC PRIVATE KEY", sec1);

        PrivateKey read = Pem.readPrivateKey(pem);

        KeyPairSigner.of(new KeyPair(keys.getPublic(), read), TestCertificates.RANDOM);
    }

    @Test
    void privateKeyWhenSec1WithoutCurveThenMalformedPem() throws Exception {
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                        256,
                        ((java.security.interfaces.ECPrivateKey)
                                        TestCertificates.newKeyPair().getPrivate())
                                .getS())
                .getEncoded();

        assertRefused(() -> Pem.readPrivateKey(pem("EC PRIVATE KEY", sec1)), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenTwoCertificatesThenMalformedPem() throws Exception {
        String two = Pem.encodeCertificates(List.of(pki.ciCertificate(), pki.eum.certificate()));

        assertRefused(() -> Pem.readCertificate(two), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenCrlLabelThenMalformedPem() throws Exception {
        String crl = Pem.encodeCrl(CrlBuilder.of(pki.ci).build(BigInteger.ONE, NOW, NOW.plusSeconds(60), List.of()));

        assertRefused(() -> Pem.readCertificate(crl), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenEmptyThenMalformedPem() {
        assertRefused(() -> Pem.readCertificate(""), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenBase64InvalidThenMalformedPem() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64***\n-----END CERTIFICATE-----\n";

        assertRefused(() -> Pem.readCertificate(pem), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenEndLineMissingThenMalformedPem() throws Exception {
        String pem = Pem.encodeCertificate(pki.ciCertificate()).replace("-----END CERTIFICATE-----\n", "");

        assertRefused(() -> Pem.readCertificate(pem), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenDerHasTrailingBytesThenMalformedPem() throws Exception {
        byte[] der = pki.ciCertificate().getEncoded();

        assertRefused(
                () -> Pem.readCertificate(pem("CERTIFICATE", Arrays.copyOf(der, der.length + 2))),
                PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readCertificateWhenContentIsNotACertificateThenMalformedPem() {
        assertRefused(
                () -> Pem.readCertificate(pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})),
                PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readPrivateKeyWhenEncryptedThenMalformedPem() {
        String pem = pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});

        PkiException e = assertRefused(() -> Pem.readPrivateKey(pem), PkiException.Reason.MALFORMED_PEM);
        assertThat(e.getMessage()).contains("encrypted");
    }

    @Test
    void readPrivateKeyWhenLegacyEncryptionHeadersThenMalformedPem() throws Exception {
        String body = Base64.getMimeEncoder()
                .encodeToString(TestCertificates.newKeyPair().getPrivate().getEncoded());
        String pem = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n" + body
                + "\n-----END EC PRIVATE KEY-----\n";

        assertRefused(() -> Pem.readPrivateKey(pem), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readPrivateKeyWhenRsaThenMalformedPem() throws Exception {
        String pem = Pem.encodePrivateKey(TestCertificates.newRsaKeyPair().getPrivate());

        PkiException e = assertRefused(() -> Pem.readPrivateKey(pem), PkiException.Reason.MALFORMED_PEM);
        assertThat(e.getMessage()).contains("only EC");
    }

    @Test
    void readPrivateKeyWhenCertificateGivenThenMalformedPem() throws Exception {
        String pem = Pem.encodeCertificate(pki.ciCertificate());

        assertRefused(() -> Pem.readPrivateKey(pem), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void readWhenLongerThanLimitThenMalformedPem() {
        String huge = "x".repeat(Pem.MAX_PEM_CHARS + 1);

        assertRefused(() -> Pem.readCertificates(huge), PkiException.Reason.MALFORMED_PEM);
    }

    @Test
    void errorMessagesWhenKeyRefusedThenCarryNoKeyMaterial() throws Exception {
        byte[] pkcs8 = TestCertificates.newKeyPair().getPrivate().getEncoded();
        byte[] broken = Arrays.copyOf(pkcs8, pkcs8.length - 3);
        String body = Base64.getEncoder().encodeToString(broken);

        PkiException e =
                assertRefused(() -> Pem.readPrivateKey(pem("PRIVATE KEY", broken)), PkiException.Reason.MALFORMED_PEM);
        assertThat(e.getMessage()).doesNotContain(body.substring(0, 20));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label
                + "-----\n";
    }
}
