package io.openrsp.crypto.pki;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * An issuing CA: its certificate and the signing handle for the matching key. Either the CI root (GSMA
 * SGP.02 v4.2 §2.3, self-signed) or an EUM CA (issued by the CI, pathLen 0), which issues ECASD certificates.
 *
 * <p>An imported CA certificate need not have been made by this library: it must be a CA (basicConstraints
 * cA) with keyCertSign and cRLSign and a P-256 key that the signer holds; self-signed means CI, anything else
 * is treated as an EUM.
 */
public final class CertificateAuthority {

    private final X509Certificate certificate;
    private final CertificateSigner signer;
    private final CertificateProfile profile;
    private final byte[] keyIdentifier;

    private CertificateAuthority(
            X509Certificate certificate, CertificateSigner signer, CertificateProfile profile, byte[] keyIdentifier) {
        this.certificate = certificate;
        this.signer = signer;
        this.profile = profile;
        this.keyIdentifier = keyIdentifier;
    }

    /**
     * Creates a self-signed CI root (profile {@link CertificateProfile#CI}) for {@code signer}'s key.
     *
     * @throws PkiException {@code SUBJECT_NOT_ALLOWED} for an empty subject, {@code VALIDITY_*} for a validity
     *     the CI profile does not allow, {@code KEY_NOT_EC_P256}, {@code SIGNING_FAILED}
     */
    public static CertificateAuthority createRoot(
            X500Principal subject, Validity validity, CertificateSigner signer, SecureRandom random)
            throws PkiException {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(random, "random");
        X500Name name = X500Name.getInstance(subject.getEncoded());
        if (name.getRDNs().length == 0) {
            throw new PkiException(PkiException.Reason.SUBJECT_NOT_ALLOWED, "the CI subject must not be empty");
        }
        X509Assembler.checkValidity(validity, CertificateProfile.CI);
        SubjectPublicKeyInfo spki = P256.require(signer.publicKey());
        X509Certificate root = X509Assembler.assemble(
                null,
                signer,
                SerialNumbers.random(random),
                validity,
                name,
                spki,
                CertificateProfile.CI,
                SubjectAltNames.none(),
                null);
        return new CertificateAuthority(root, signer, CertificateProfile.CI, CertificateExtensions.keyIdentifier(spki));
    }

    /**
     * A CA from an existing certificate (a loaded CI root, or an EUM certificate) and its signing handle.
     *
     * @throws PkiException {@code ISSUER_INVALID} if the certificate is not a CA that may sign certificates and
     *     CRLs, or the signer's key is not the certificate's key; {@code KEY_NOT_EC_P256}
     */
    public static CertificateAuthority of(X509Certificate certificate, CertificateSigner signer) throws PkiException {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signer, "signer");
        SubjectPublicKeyInfo certificateKey = P256.require(certificate.getPublicKey());
        SubjectPublicKeyInfo signerKey = P256.require(signer.publicKey());
        if (!certificateKey.equals(signerKey)) {
            throw new PkiException(
                    PkiException.Reason.ISSUER_INVALID, "the signing key does not match the CA certificate");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        boolean mayIssue = certificate.getBasicConstraints() >= 0
                && keyUsage != null
                && keyUsage.length > KeyUsageBit.CRL_SIGN.index()
                && keyUsage[KeyUsageBit.KEY_CERT_SIGN.index()]
                && keyUsage[KeyUsageBit.CRL_SIGN.index()];
        if (!mayIssue) {
            throw new PkiException(
                    PkiException.Reason.ISSUER_INVALID,
                    "the certificate is not a CA certificate with keyCertSign and cRLSign");
        }
        CertificateProfile profile = isSelfSigned(certificate) ? CertificateProfile.CI : CertificateProfile.EUM;
        return new CertificateAuthority(
                certificate, signer, profile, CertificateExtensions.subjectKeyIdentifier(certificate));
    }

    /** The CA certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@link CertificateProfile#CI} or {@link CertificateProfile#EUM}. */
    public CertificateProfile profile() {
        return profile;
    }

    /** The validity period of the CA certificate. */
    public Validity validity() {
        return new Validity(
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }

    CertificateSigner signer() {
        return signer;
    }

    X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    byte[] keyIdentifier() {
        return keyIdentifier.clone();
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + profile + ", "
                + certificate.getSubjectX500Principal().getName() + "]";
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
