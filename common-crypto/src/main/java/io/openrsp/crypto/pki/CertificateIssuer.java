package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * RFC 5280 §4.1-4.2 issuance for this platform's profiles ({@link CertificateProfile}), signed
 * SHA256withECDSA (RFC 5758 §3.2) by a {@link CertificateAuthority}'s signing handle: the {@code cas} part of
 * step-ca's split. Whether the caller may have the certificate is decided before ({@link EnrollmentPolicy});
 * this class enforces what the profile itself requires:
 *
 * <ul>
 *   <li>the CA issues this profile (the CI all but ECASD, an EUM only ECASD);
 *   <li>the key is EC P-256;
 *   <li>the validity is no longer than the profile allows and lies within the CA's own validity;
 *   <li>the subject is not empty and is not the CA's own name; TLS server profiles carry a subjectAltName;
 *   <li>an ECASD subject carries the EID (32 digits, GSMA SGP.29 §10 check digits) as its serialNumber, the
 *       way GSMA SGP.22 names the eUICC.
 * </ul>
 *
 * <p>Extensions are those of the profile; requested extensions in a CSR are ignored. Every certificate gets
 * the issuer's cRLDistributionPoints URL when the issuer publishes one.
 */
public final class CertificateIssuer {

    private static final Pattern EID = Pattern.compile("[0-9]{32}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final Set<String> CRL_URL_SCHEMES = Set.of("http", "https", "ldap");

    private final CertificateAuthority authority;
    private final URI crlDistributionPoint;

    private CertificateIssuer(CertificateAuthority authority, URI crlDistributionPoint) {
        this.authority = authority;
        this.crlDistributionPoint = crlDistributionPoint;
    }

    /**
     * An issuer whose certificates point at the CRL published at {@code crlDistributionPoint}.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http, https or ldap URL
     */
    public static CertificateIssuer of(CertificateAuthority authority, URI crlDistributionPoint) {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(crlDistributionPoint, "crlDistributionPoint");
        String scheme = crlDistributionPoint.getScheme();
        if (scheme == null || !CRL_URL_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the CRL distribution point must be an absolute http(s) or ldap URL");
        }
        return new CertificateIssuer(authority, crlDistributionPoint);
    }

    /** An issuer that publishes no CRL location (for an EUM whose CRL is handed over out of band). */
    public static CertificateIssuer withoutCrlDistributionPoint(CertificateAuthority authority) {
        return new CertificateIssuer(Objects.requireNonNull(authority, "authority"), null);
    }

    public CertificateAuthority authority() {
        return authority;
    }

    /**
     * Signs the certificate described by {@code request}.
     *
     * @throws PkiException {@code PROFILE_NOT_ALLOWED}, {@code KEY_NOT_EC_P256}, {@code VALIDITY_INVALID},
     *     {@code VALIDITY_TOO_LONG}, {@code SUBJECT_NOT_ALLOWED} when a rule above is broken;
     *     {@code SIGNING_FAILED} when the signing handle fails
     */
    public X509Certificate issue(IssuanceRequest request) throws PkiException {
        Objects.requireNonNull(request, "request");
        CertificateProfile profile = request.profile();
        checkProfile(profile);
        SubjectPublicKeyInfo spki = P256.require(request.publicKey());
        checkValidity(request.validity(), profile);
        X500Name subject = checkSubject(request, profile);
        return X509Assembler.assemble(
                new X509Assembler.Issuer(authority.name(), authority.keyIdentifier()),
                authority.signer(),
                request.serialNumber(),
                request.validity(),
                subject,
                spki,
                profile,
                request.subjectAltNames(),
                crlDistributionPoint);
    }

    private void checkProfile(CertificateProfile profile) throws PkiException {
        if (profile == CertificateProfile.CI) {
            throw new PkiException(
                    PkiException.Reason.PROFILE_NOT_ALLOWED, "a CI certificate is created as a root, not issued");
        }
        if (profile.issuerProfile() != authority.profile()) {
            throw new PkiException(
                    PkiException.Reason.PROFILE_NOT_ALLOWED,
                    "a " + authority.profile() + " does not issue " + profile + " certificates");
        }
    }

    private void checkValidity(Validity validity, CertificateProfile profile) throws PkiException {
        X509Assembler.checkValidity(validity, profile);
        Validity ca = authority.validity();
        if (validity.notBefore().isBefore(ca.notBefore())) {
            throw new PkiException(PkiException.Reason.VALIDITY_INVALID, "the validity starts before the issuing CA's");
        }
        if (validity.notAfter().isAfter(ca.notAfter())) {
            throw new PkiException(PkiException.Reason.VALIDITY_TOO_LONG, "the validity outlives the issuing CA");
        }
    }

    private X500Name checkSubject(IssuanceRequest request, CertificateProfile profile) throws PkiException {
        X500Name subject = X500Name.getInstance(request.subject().getEncoded());
        if (subject.getRDNs().length == 0) {
            throw new PkiException(PkiException.Reason.SUBJECT_NOT_ALLOWED, "the subject must not be empty");
        }
        if (request.subject().equals(authority.certificate().getSubjectX500Principal())) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED, "the subject must differ from the issuing CA's");
        }
        request.subjectAltNames().check();
        if (profile.subjectAltNameRequired() && request.subjectAltNames().isEmpty()) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED,
                    "a " + profile + " certificate needs a subjectAltName (DNS name or IP address)");
        }
        if (profile == CertificateProfile.ECASD) {
            checkEid(subject);
        }
        return subject;
    }

    /** GSMA SGP.22 names the eUICC by its EID in the subject serialNumber; SGP.29 §10: EID mod 97 == 1. */
    private static void checkEid(X500Name subject) throws PkiException {
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || serials[0].isMultiValued()) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED,
                    "an ECASD subject must carry exactly one serialNumber: the EID");
        }
        AttributeTypeAndValue value = serials[0].getFirst();
        String eid = value.getValue() instanceof ASN1String s ? s.getString() : "";
        if (!EID.matcher(eid).matches()
                || !new BigInteger(eid).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED,
                    "the ECASD subject serialNumber is not a valid EID (32 digits, check digits mod 97)");
        }
    }
}
