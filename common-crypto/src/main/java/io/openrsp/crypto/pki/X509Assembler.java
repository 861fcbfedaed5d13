package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;

/**
 * RFC 5280 §4.1 and §4.2: builds and signs one certificate from a profile. Shared by the root creation and
 * the issuer so both put the same extensions the same way; checks the result verifies under the CA key
 * (a faulty signing handle must not yield a certificate).
 */
final class X509Assembler {

    /** RFC 5280 §4.1.2.5: UTCTime covers 1950-2049, GeneralizedTime is used up to 9999. */
    private static final Instant EARLIEST = Instant.parse("1950-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private X509Assembler() {}

    record Issuer(X500Name name, byte[] keyIdentifier) {}

    static void checkValidity(Validity validity, CertificateProfile profile) throws PkiException {
        if (!validity.notAfter().isAfter(validity.notBefore())) {
            throw new PkiException(PkiException.Reason.VALIDITY_INVALID, "notAfter must be after notBefore");
        }
        if (validity.notBefore().isBefore(EARLIEST) || validity.notAfter().isAfter(LATEST)) {
            throw new PkiException(
                    PkiException.Reason.VALIDITY_INVALID, "the validity lies outside what X.509 time can express");
        }
        if (validity.length().compareTo(profile.maxValidity()) > 0) {
            throw new PkiException(
                    PkiException.Reason.VALIDITY_TOO_LONG,
                    "the validity is longer than the " + profile + " profile allows ("
                            + profile.maxValidity().toDays() + " days)");
        }
    }

    /**
     * Signs a certificate. {@code issuer} is null for a self-signed certificate: the subject is the issuer and
     * the authority key identifier is the certificate's own key identifier.
     */
    static X509Certificate assemble(
            Issuer issuer,
            CertificateSigner signer,
            BigInteger serial,
            Validity validity,
            X500Name subject,
            SubjectPublicKeyInfo spki,
            CertificateProfile profile,
            SubjectAltNames subjectAltNames,
            URI crlDistributionPoint)
            throws PkiException {
        byte[] subjectKeyId = CertificateExtensions.keyIdentifier(spki);
        X500Name issuerName = issuer == null ? subject : issuer.name();
        byte[] authorityKeyId = issuer == null ? subjectKeyId : issuer.keyIdentifier();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                issuerName, serial, Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, spki);
        try {
            builder.addExtension(Extension.basicConstraints, true, basicConstraints(profile));
            builder.addExtension(Extension.keyUsage, true, keyUsage(profile));
            if (!profile.extendedKeyUsage().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(profile));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId));
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames.toGeneralNames());
            }
            if (crlDistributionPoint != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, crlDistPoint(crlDistributionPoint));
            }
            if (profile.role().isPresent()) {
                builder.addExtension(
                        Extension.certificatePolicies,
                        false,
                        rolePolicy(profile.role().get()));
            }
        } catch (CertIOException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "the certificate cannot be encoded", e);
        }
        return sign(builder, signer);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, CertificateSigner signer)
            throws PkiException {
        ContentSigner contentSigner = signer.contentSigner();
        X509Certificate certificate;
        try {
            X509CertificateHolder holder = builder.build(contentSigner);
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "the certificate could not be signed", e);
        }
        try {
            certificate.verify(signer.publicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiException(
                    PkiException.Reason.SIGNING_FAILED, "the signing handle produced an invalid signature", e);
        }
        return certificate;
    }

    private static BasicConstraints basicConstraints(CertificateProfile profile) {
        return profile.isCa() ? new BasicConstraints(profile.basicConstraints()) : new BasicConstraints(false);
    }

    private static KeyUsage keyUsage(CertificateProfile profile) {
        int bits = 0;
        for (KeyUsageBit bit : profile.keyUsage()) {
            bits |= bit.bcMask();
        }
        return new KeyUsage(bits);
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateProfile profile) {
        return new ExtendedKeyUsage(profile.extendedKeyUsage().stream()
                .map(p -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(p.oid())))
                .toArray(KeyPurposeId[]::new));
    }

    private static CRLDistPoint crlDistPoint(URI url) {
        GeneralNames names =
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url.toASCIIString()));
        return new CRLDistPoint(
                new DistributionPoint[] {new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    private static CertificatePolicies rolePolicy(Role role) {
        return new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(role.policyOid())));
    }
}
