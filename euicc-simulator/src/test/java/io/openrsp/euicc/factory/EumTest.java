package io.openrsp.euicc.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.pki.ValidatedPath;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.EisSignature;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The EUM on a PKI made at test time: ECASD certificates chain CI → EUM → ECASD, and EIS signatures verify. */
class EumTest {

    private static final TestPki PKI = TestPki.create();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Eid EID = Eid.withCheckDigits("890490320000100000000000000077");

    private final Eum eum = Eum.load(PKI.file("eum.crt"), PKI.file("eum.key"), null, Clock.systemUTC(), RANDOM);

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    private static X509Certificate certificate(Path file) throws Exception {
        return Pem.readCertificate(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static X509Certificate fromDer(byte[] der) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private Eis eis(byte[] ecasdCertificate) {
        return new Eis(
                EID.digits(),
                eum.eumId(),
                Instant.parse("2026-03-01T12:00:00Z"),
                "OpenRSP-Simulator",
                "1.0",
                524288L,
                524288L,
                null,
                null,
                Aid.ISD_R.toString(),
                new Ecasd(Aid.ECASD.toString(), Base64.getEncoder().encodeToString(ecasdCertificate)),
                null,
                null);
    }

    @Test
    void loadWhenNoEumIdThenCommonNameOfCertificate() {
        assertThat(eum.eumId()).isEqualTo("EUM-1");
        assertThat(Eum.load(PKI.file("eum.crt"), PKI.file("eum.key"), "EUM-X", Clock.systemUTC(), RANDOM)
                        .eumId())
                .isEqualTo("EUM-X");
    }

    @Test
    void issueEcasdCertificateWhenCalledThenChainsToCiWithEidInSerialNumber() throws Exception {
        EcKeyPair keys = EcKeyPair.generate(RANDOM);

        X509Certificate ecasd = fromDer(eum.issueEcasdCertificate(EID, keys.publicKey()));

        ValidatedPath path = CertificatePaths.trusting(certificate(PKI.file("ci.crt")), Clock.systemUTC())
                .validate(List.of(ecasd, certificate(PKI.file("eum.crt"))), CertificateProfile.ECASD);
        assertThat(path.leaf()).isEqualTo(ecasd);
        X500Name subject = X500Name.getInstance(ecasd.getSubjectX500Principal().getEncoded());
        assertThat(IETFUtils.valueToString(
                        subject.getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue()))
                .isEqualTo(EID.digits());
        assertThat(EcPublicKey.fromJca((ECPublicKey) ecasd.getPublicKey())).isEqualTo(keys.publicKey());
        assertThat(ecasd.getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(ecasd.getNotAfter())
                .isBeforeOrEqualTo(certificate(PKI.file("eum.crt")).getNotAfter());
    }

    @Test
    void signWhenEisSignedThenSignatureVerifiesWithEumPublicKey() throws Exception {
        Eis unsigned =
                eis(eum.issueEcasdCertificate(EID, EcKeyPair.generate(RANDOM).publicKey()));

        Eis signed = eum.sign(unsigned);

        EcdsaP256Verifier verifier = new EcdsaP256Verifier(
                EcPublicKey.fromJca(
                        (ECPublicKey) certificate(PKI.file("eum.crt")).getPublicKey()),
                EcdsaSignatureFormat.DER);
        byte[] signature = Base64.getDecoder().decode(signed.eumSignature());
        verifier.verify(signature, EisSignature.signedData(signed));
        assertThat(EisSignature.signedData(signed)).isEqualTo(EisSignature.signedData(unsigned));
    }

    @Test
    void signWhenEisChangedAfterwardsThenSignatureDoesNotVerify() throws Exception {
        Eis signed = eum.sign(
                eis(eum.issueEcasdCertificate(EID, EcKeyPair.generate(RANDOM).publicKey())));
        Eis tampered = new Eis(
                signed.eid(),
                signed.eumId(),
                signed.productionDate(),
                signed.platformType(),
                signed.platformVersion(),
                signed.remainingMemory() + 1,
                signed.availableMemoryForProfiles(),
                null,
                null,
                signed.isdRAid(),
                signed.ecasd(),
                null,
                signed.eumSignature());

        EcdsaP256Verifier verifier = new EcdsaP256Verifier(
                EcPublicKey.fromJca(
                        (ECPublicKey) certificate(PKI.file("eum.crt")).getPublicKey()),
                EcdsaSignatureFormat.DER);
        assertThatThrownBy(() -> verifier.verify(
                        Base64.getDecoder().decode(tampered.eumSignature()), EisSignature.signedData(tampered)))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void loadWhenCertificateIsTheCiThenEumUnavailable() {
        assertUnavailable(PKI.file("ci.crt"), PKI.file("ci.key"));
    }

    @Test
    void loadWhenKeyIsNotTheCertificatesThenEumUnavailable() {
        assertUnavailable(PKI.file("eum.crt"), PKI.file("admin.key"));
    }

    @Test
    void loadWhenCertificateIsNotACaThenEumUnavailable() {
        assertUnavailable(PKI.file("eum-client.crt"), PKI.file("eum-client.key"));
    }

    @Test
    void loadWhenFileMissingThenEumUnavailableNamingTheSetting() {
        assertThatThrownBy(
                        () -> Eum.load(PKI.file("missing.crt"), PKI.file("eum.key"), null, Clock.systemUTC(), RANDOM))
                .asInstanceOf(InstanceOfAssertFactories.type(FactoryException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("openrsp.factory.eum-certificate"))
                .extracting(FactoryException::reason)
                .isEqualTo(FactoryException.Reason.EUM_UNAVAILABLE);
    }

    private static void assertUnavailable(Path certificate, Path key) {
        assertThatThrownBy(() -> Eum.load(certificate, key, null, Clock.systemUTC(), RANDOM))
                .asInstanceOf(InstanceOfAssertFactories.type(FactoryException.class))
                .extracting(FactoryException::reason)
                .isEqualTo(FactoryException.Reason.EUM_UNAVAILABLE);
    }

    @Test
    void toStringWhenCalledThenNoKey() {
        assertThat(eum.toString()).isEqualTo("Eum[EUM-1, key redacted]");
    }
}
