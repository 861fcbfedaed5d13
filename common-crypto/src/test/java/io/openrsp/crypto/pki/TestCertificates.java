package io.openrsp.crypto.pki;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Test fixture (STYLE.md rule 8): builds a PKI at test time. A CI root, an EUM CA under it, and leaves of any
 * profile: CI → EUM → ECASD and CI → SM-DP chains, at a fixed instant.
 */
final class TestCertificates {

    /** The instant every fixture certificate is valid at; validity starts one day before. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI CRL_URL = URI.create("http://ci.test/crl");
    static final X500Principal CI_SUBJECT = new X500Principal("CN=Test CI,O=OpenRSP Test");
    static final X500Principal EUM_SUBJECT = new X500Principal("CN=EUM-1,O=OpenRSP Test");

    /** A valid EID (osmocom/pysim test_euicc.py test_eid_verify; GSMA SGP.29 §10 check digits). */
    static final String EID = "89049032123451234512345678901235";

    static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair ciKeys;
    final CertificateAuthority ci;
    final CertificateIssuer ciIssuer;
    final Issued eum;
    final CertificateAuthority eumCa;
    final CertificateIssuer eumIssuer;

    /** A certificate and its key pair. */
    record Issued(X509Certificate certificate, KeyPair keys) {}

    private TestCertificates(X500Principal ciSubject) throws PkiException {
        ciKeys = newKeyPair();
        ci = CertificateAuthority.createRoot(
                ciSubject,
                Validity.of(NOW.minus(Duration.ofDays(1)), Duration.ofDays(3650)),
                KeyPairSigner.of(ciKeys, RANDOM),
                RANDOM);
        ciIssuer = CertificateIssuer.of(ci, CRL_URL);
        eum = issue(ciIssuer, CertificateProfile.EUM, EUM_SUBJECT, SubjectAltNames.none());
        eumCa = CertificateAuthority.of(eum.certificate(), KeyPairSigner.of(eum.keys(), RANDOM));
        eumIssuer = CertificateIssuer.withoutCrlDistributionPoint(eumCa);
    }

    static TestCertificates create() throws PkiException {
        return new TestCertificates(CI_SUBJECT);
    }

    /** A second, unrelated PKI; with the same CI name when {@code sameName} (a forged CI). */
    static TestCertificates other(boolean sameName) throws PkiException {
        return new TestCertificates(sameName ? CI_SUBJECT : new X500Principal("CN=Other CI,O=Elsewhere"));
    }

    X509Certificate ciCertificate() {
        return ci.certificate();
    }

    /** A leaf of {@code profile} with that profile's usual names, valid one day before NOW for 300 days. */
    Issued issue(CertificateProfile profile) throws PkiException {
        return switch (profile) {
            case ECASD -> ecasd(EID);
            case EUM -> eum;
            case CI -> throw new IllegalArgumentException("the CI is created, not issued");
            default -> issue(ciIssuer, profile, subjectFor(profile), subjectAltNamesFor(profile));
        };
    }

    Issued ecasd(String eid) throws PkiException {
        return issue(
                eumIssuer,
                CertificateProfile.ECASD,
                new X500Principal("CN=eUICC " + eid + ",SERIALNUMBER=" + eid + ",O=EUM-1"),
                SubjectAltNames.none());
    }

    /** The chain a peer presents for {@code profile}: leaf, plus the EUM for an ECASD. */
    List<X509Certificate> chainFor(Issued leaf, CertificateProfile profile) {
        return profile == CertificateProfile.ECASD
                ? List.of(leaf.certificate(), eum.certificate())
                : List.of(leaf.certificate());
    }

    static Issued issue(
            CertificateIssuer issuer, CertificateProfile profile, X500Principal subject, SubjectAltNames names)
            throws PkiException {
        KeyPair keys = newKeyPair();
        X509Certificate certificate = issuer.issue(new IssuanceRequest(
                keys.getPublic(),
                subject,
                names,
                profile,
                Validity.of(NOW.minus(Duration.ofDays(1)), Duration.ofDays(300)),
                SerialNumbers.random(RANDOM)));
        return new Issued(certificate, keys);
    }

    static X500Principal subjectFor(CertificateProfile profile) {
        return new X500Principal("CN=" + profile.name().replace('_', '-') + "-1,O=OpenRSP Test");
    }

    static SubjectAltNames subjectAltNamesFor(CertificateProfile profile) {
        return profile.subjectAltNameRequired()
                ? SubjectAltNames.dns(profile.name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-') + "-service")
                        .withDns("localhost")
                        .withIp("127.0.0.1")
                : SubjectAltNames.none();
    }

    static KeyPair newKeyPair() {
        return newKeyPair("secp256r1");
    }

    static KeyPair newKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
