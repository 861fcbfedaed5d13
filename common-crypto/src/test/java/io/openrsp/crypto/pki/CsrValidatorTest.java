package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.util.Arrays;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** RFC 2986 PKCS#10 validation: what is accepted, and each refusal with its reason. */
class CsrValidatorTest {

    private final CsrValidator validator = new CsrValidator();

    @Test
    void validateWhenP256CsrWithSubjectAltNamesThenSubjectKeyAndNamesExtracted() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "sm-dp-service"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "urn:example:smdp:1")
        });
        byte[] der = TestCsrs.csr(keys, "CN=SM-DP-1,O=OpenRSP", names, "SHA256withECDSA");

        ValidatedCsr csr = validator.validate(der);

        assertThat(csr.subject()).isEqualTo(new X500Principal("CN=SM-DP-1,O=OpenRSP"));
        assertThat(csr.publicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(csr.requestedSubjectAltNames().dnsNames()).containsExactly("sm-dp-service");
        assertThat(csr.requestedSubjectAltNames().ipAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(csr.requestedSubjectAltNames().uris()).containsExactly(URI.create("urn:example:smdp:1"));
    }

    @Test
    void validateWhenNoExtensionRequestThenNoSubjectAltNames() throws Exception {
        ValidatedCsr csr = validator.validate(TestCsrs.p256("CN=Operator-1", null));

        assertThat(csr.requestedSubjectAltNames().isEmpty()).isTrue();
    }

    @Test
    void validateWhenSignedWithSha384ThenAccepted() throws Exception {
        byte[] der = TestCsrs.csr(TestCertificates.newKeyPair(), "CN=x", null, "SHA384withECDSA");

        assertThat(validator.validate(der).subject()).isEqualTo(new X500Principal("CN=x"));
    }

    @Test
    void validateWhenKeyIsCompressedPointThenAcceptedAndNormalisedToUncompressed() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();
        java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey) keys.getPublic();
        ECPoint point = ECNamedCurveTable.getParameterSpec("secp256r1")
                .getCurve()
                .createPoint(key.getW().getAffineX(), key.getW().getAffineY());
        SubjectPublicKeyInfo compressed = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                point.getEncoded(true));

        ValidatedCsr csr =
                validator.validate(TestCsrs.csr(compressed, keys.getPrivate(), "CN=x", null, "SHA256withECDSA"));

        assertThat(csr.publicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void validateWhenSignatureBytesCorruptedThenCsrSignatureInvalid() {
        byte[] der = TestCsrs.p256("CN=Operator-1", null);
        der[der.length - 1] ^= 0x01; // last byte of the ECDSA signature's s; DER stays valid

        assertRefused(() -> validator.validate(der), PkiException.Reason.CSR_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenSubjectAlteredAfterSigningThenCsrSignatureInvalid() {
        byte[] der = TestCsrs.p256("CN=Operator-1", null);
        int at = indexOf(der, "Operator-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        der[at] = 'X';

        assertRefused(() -> validator.validate(der), PkiException.Reason.CSR_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenSignedWithSha1ThenCsrSignatureInvalid() {
        byte[] der = TestCsrs.csr(TestCertificates.newKeyPair(), "CN=x", null, "SHA1withECDSA");

        assertRefused(() -> validator.validate(der), PkiException.Reason.CSR_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenSignedByAnotherKeyThenCsrSignatureInvalid() {
        KeyPair subject = TestCertificates.newKeyPair();
        byte[] der = TestCsrs.csr(
                SubjectPublicKeyInfo.getInstance(subject.getPublic().getEncoded()),
                TestCertificates.newKeyPair().getPrivate(),
                "CN=x",
                null,
                "SHA256withECDSA");

        assertRefused(() -> validator.validate(der), PkiException.Reason.CSR_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenRsaKeyThenKeyNotEcP256() {
        byte[] der = TestCsrs.csr(TestCertificates.newRsaKeyPair(), "CN=x", null, "SHA256withRSA");

        assertRefused(() -> validator.validate(der), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void validateWhenP384KeyThenKeyNotEcP256() {
        byte[] der = TestCsrs.csr(TestCertificates.newKeyPair("secp384r1"), "CN=x", null, "SHA384withECDSA");

        assertRefused(() -> validator.validate(der), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void validateWhenPointNotOnTheCurveThenKeyNotEcP256() {
        byte[] point = new byte[65];
        point[0] = 0x04;
        point[32] = 1; // x = 1, y = 1 is not on P-256
        point[64] = 1;
        SubjectPublicKeyInfo offCurve = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1), point);
        byte[] der =
                TestCsrs.csr(offCurve, TestCertificates.newKeyPair().getPrivate(), "CN=x", null, "SHA256withECDSA");

        assertRefused(() -> validator.validate(der), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void validateWhenNotDerThenMalformedCsr() {
        assertRefused(
                () -> validator.validate("not a CSR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenEmptyThenMalformedCsr() {
        assertRefused(() -> validator.validate(new byte[0]), PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenTruncatedThenMalformedCsr() {
        byte[] der = TestCsrs.p256("CN=x", null);

        assertRefused(() -> validator.validate(Arrays.copyOf(der, der.length - 10)), PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenTrailingBytesThenMalformedCsr() {
        byte[] der = TestCsrs.p256("CN=x", null);

        assertRefused(() -> validator.validate(Arrays.copyOf(der, der.length + 1)), PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenCertificateInsteadOfCsrThenMalformedCsr() throws Exception {
        byte[] certificate = TestCertificates.create().ciCertificate().getEncoded();

        assertRefused(() -> validator.validate(certificate), PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenLargerThanLimitThenMalformedCsr() {
        assertRefused(
                () -> validator.validate(new byte[CsrValidator.MAX_CSR_BYTES + 1]), PkiException.Reason.MALFORMED_CSR);
    }

    @Test
    void validateWhenEmailSubjectAltNameRequestedThenSubjectNotAllowed() {
        byte[] der =
                TestCsrs.p256("CN=x", new GeneralNames(new GeneralName(GeneralName.rfc822Name, "ops@example.com")));

        assertRefused(() -> validator.validate(der), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void validateWhenInvalidDnsNameRequestedThenSubjectNotAllowed() {
        byte[] der = TestCsrs.p256("CN=x", new GeneralNames(new GeneralName(GeneralName.dNSName, "*.example.com")));

        assertRefused(() -> validator.validate(der), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
