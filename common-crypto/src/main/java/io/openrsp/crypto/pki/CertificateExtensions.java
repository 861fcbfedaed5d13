package io.openrsp.crypto.pki;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** RFC 5280 §4.2 / §5.2: reading the few extensions this library looks at, with typed failures. */
final class CertificateExtensions {

    private static final String ROLE_PREFIX = Role.ROLE_ARC + ".";

    private CertificateExtensions() {}

    /** The certificate policy OIDs under this platform's role arc, in certificate order (duplicates kept). */
    static List<String> rolePolicyOids(X509Certificate certificate) throws PkiException {
        Optional<ASN1Primitive> value = value(certificate, Extension.certificatePolicies.getId());
        List<String> oids = new ArrayList<>();
        if (value.isEmpty()) {
            return oids;
        }
        try {
            for (PolicyInformation info :
                    CertificatePolicies.getInstance(value.get()).getPolicyInformation()) {
                String oid = info.getPolicyIdentifier().getId();
                if (oid.startsWith(ROLE_PREFIX)) {
                    oids.add(oid);
                }
            }
        } catch (RuntimeException e) {
            throw malformed("certificatePolicies", e);
        }
        return oids;
    }

    /** The subjectKeyIdentifier of {@code certificate}, or RFC 5280 method 1 over its key when absent. */
    static byte[] subjectKeyIdentifier(X509Certificate certificate) throws PkiException {
        Optional<ASN1Primitive> value = value(certificate, Extension.subjectKeyIdentifier.getId());
        try {
            if (value.isPresent()) {
                return SubjectKeyIdentifier.getInstance(value.get()).getKeyIdentifier();
            }
            return keyIdentifier(
                    SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
        } catch (RuntimeException e) {
            throw malformed("subjectKeyIdentifier", e);
        }
    }

    /** The keyIdentifier of the authorityKeyIdentifier extension, if present. */
    static Optional<byte[]> authorityKeyIdentifier(X509Certificate certificate) throws PkiException {
        Optional<ASN1Primitive> value = value(certificate, Extension.authorityKeyIdentifier.getId());
        try {
            return value.map(v -> AuthorityKeyIdentifier.getInstance(v).getKeyIdentifierOctets());
        } catch (RuntimeException e) {
            throw malformed("authorityKeyIdentifier", e);
        }
    }

    /** The cRLNumber of {@code crl}, if present (RFC 5280 §5.2.3). */
    static Optional<java.math.BigInteger> crlNumber(X509CRL crl) throws PkiException {
        byte[] raw = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(raw))
                    .getValue());
        } catch (IOException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.CRL_INVALID, "the CRL has a malformed cRLNumber", e);
        }
    }

    /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bit string. */
    static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki).getKeyIdentifier();
    }

    private static Optional<ASN1Primitive> value(X509Certificate certificate, String oid) throws PkiException {
        byte[] raw = certificate.getExtensionValue(oid);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JcaX509ExtensionUtils.parseExtensionValue(raw));
        } catch (IOException | RuntimeException e) {
            throw malformed(oid, e);
        }
    }

    private static PkiException malformed(String name, Throwable cause) {
        return new PkiException(
                PkiException.Reason.WRONG_PROFILE, "the certificate has a malformed " + name + " extension", cause);
    }
}
