package io.openrsp.rsp.es8;

import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.SubjectAltNames;
import io.openrsp.crypto.pki.Validity;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.security.auth.x500.X500Principal;

/**
 * Test fixture: a PKI built in memory for ES8 (common-rsp does not depend on the common-crypto test-jar): the
 * CI with an SM-DP and an SM-SR certificate, a foreign CI with its own SM-DP certificate, and an ECASD key pair.
 */
record TestEs8Pki(
        X509Certificate ci,
        Identity smdp,
        Identity smsr,
        Identity foreignSmdp,
        EcKeyPair ecasd,
        Clock clock,
        SecureRandom random) {

    /** A certificate and its private key. */
    record Identity(X509Certificate certificate, EcPrivateKey key) {
        byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final String HOST_ID = "SMDP1";

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    static TestEs8Pki create() {
        try {
            var random = new SecureRandom();
            Instant notBefore = NOW.minus(Duration.ofDays(1));
            CertificateAuthority ci = root("CN=Test CI,O=OpenRSP", notBefore, random);
            CertificateAuthority foreign = root("CN=Foreign CI,O=Elsewhere", notBefore, random);
            return new TestEs8Pki(
                    ci.certificate(),
                    issue(ci, "CN=SM-DP-1,O=OpenRSP", CertificateProfile.SM_DP, notBefore, random),
                    issue(ci, "CN=SM-SR-1,O=OpenRSP", CertificateProfile.SM_SR, notBefore, random),
                    issue(foreign, "CN=SM-DP-1,O=OpenRSP", CertificateProfile.SM_DP, notBefore, random),
                    EcKeyPair.generate(random),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    CertificatePaths ciTrust() {
        try {
            return CertificatePaths.trusting(ci, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateAuthority root(String subject, Instant notBefore, SecureRandom random)
            throws GeneralSecurityException {
        return CertificateAuthority.createRoot(
                new X500Principal(subject),
                Validity.of(notBefore, CertificateProfile.CI.maxValidity()),
                KeyPairSigner.of(newKeyPair(random), random),
                random);
    }

    private static Identity issue(
            CertificateAuthority ca, String subject, CertificateProfile profile, Instant notBefore, SecureRandom random)
            throws GeneralSecurityException {
        KeyPair keys = newKeyPair(random);
        X509Certificate certificate = CertificateIssuer.withoutCrlDistributionPoint(ca)
                .issue(new IssuanceRequest(
                        keys.getPublic(),
                        new X500Principal(subject),
                        SubjectAltNames.dns("localhost"),
                        profile,
                        Validity.of(notBefore, Duration.ofDays(30)),
                        SerialNumbers.random(random)));
        return new Identity(certificate, EcPrivateKey.fromJca((ECPrivateKey) keys.getPrivate()));
    }

    private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }
}
