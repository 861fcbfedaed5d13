package io.openrsp.crypto.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DESIGN.md §9: maps a TLS client certificate to the {@link Role} it grants; the one piece every service calls
 * after the TLS layer has validated the client's chain to the CI. The role is the certificate policy OID the
 * CI put in the certificate ({@link Role}); a certificate grants a role only if:
 *
 * <ol>
 *   <li>the CI issued it directly (issuer name equals the CI's subject and the authorityKeyIdentifier equals
 *       the CI's key identifier) — so an EUM CA, which may sign certificates, cannot mint roles;
 *   <li>it is not a CA certificate — the EUM's CA certificate is not a client identity;
 *   <li>its extended key usage includes clientAuth;
 *   <li>it carries exactly one role policy OID, and a known one.
 * </ol>
 *
 * <p>It does not verify signatures or validity: it relies on the chain having been validated (the TLS
 * handshake, or {@link CertificatePaths}); given that, the name and key-identifier match prove the CI signed it.
 */
public final class RoleMapper {

    private final X509Certificate ci;
    private final byte[] ciKeyIdentifier;

    private RoleMapper(X509Certificate ci, byte[] ciKeyIdentifier) {
        this.ci = ci;
        this.ciKeyIdentifier = ciKeyIdentifier;
    }

    /**
     * A mapper for certificates issued by {@code ci}.
     *
     * @throws PkiException {@code ISSUER_INVALID} if {@code ci} is not a self-signed CA certificate
     */
    public static RoleMapper trusting(X509Certificate ci) throws PkiException {
        Objects.requireNonNull(ci, "ci");
        if (ci.getBasicConstraints() < 0 || !CertificateAuthority.isSelfSigned(ci)) {
            throw new PkiException(PkiException.Reason.ISSUER_INVALID, "the CI is not a self-signed CA certificate");
        }
        return new RoleMapper(ci, CertificateExtensions.subjectKeyIdentifier(ci));
    }

    /** The role {@code clientCertificate} grants, or empty; see {@link #decide} for the reason. */
    public Optional<Role> roleOf(X509Certificate clientCertificate) {
        return decide(clientCertificate).grantedRole();
    }

    /** The role {@code clientCertificate} grants, or why it grants none. */
    public RoleDecision decide(X509Certificate clientCertificate) {
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        try {
            return decideOrThrow(clientCertificate);
        } catch (PkiException | CertificateParsingException | RuntimeException e) {
            return new RoleDecision.Denied(RoleDecision.Refusal.MALFORMED);
        }
    }

    private RoleDecision decideOrThrow(X509Certificate certificate) throws PkiException, CertificateParsingException {
        if (!issuedByCi(certificate)) {
            return new RoleDecision.Denied(RoleDecision.Refusal.NOT_ISSUED_BY_CI);
        }
        if (certificate.getBasicConstraints() >= 0) {
            return new RoleDecision.Denied(RoleDecision.Refusal.CA_CERTIFICATE);
        }
        List<String> eku = certificate.getExtendedKeyUsage();
        if (eku == null || !eku.contains(KeyPurpose.CLIENT_AUTH.oid())) {
            return new RoleDecision.Denied(RoleDecision.Refusal.NOT_A_CLIENT_CERTIFICATE);
        }
        List<String> markers = CertificateExtensions.rolePolicyOids(certificate);
        if (markers.isEmpty()) {
            return new RoleDecision.Denied(RoleDecision.Refusal.NO_ROLE);
        }
        if (markers.size() > 1) {
            return new RoleDecision.Denied(RoleDecision.Refusal.AMBIGUOUS_ROLE);
        }
        return Role.fromPolicyOid(markers.get(0))
                .<RoleDecision>map(role -> new RoleDecision.Granted(role, certificate.getSubjectX500Principal()))
                .orElse(new RoleDecision.Denied(RoleDecision.Refusal.UNKNOWN_ROLE));
    }

    private boolean issuedByCi(X509Certificate certificate) throws PkiException {
        if (!certificate.getIssuerX500Principal().equals(ci.getSubjectX500Principal())) {
            return false;
        }
        Optional<byte[]> authorityKeyId = CertificateExtensions.authorityKeyIdentifier(certificate);
        return authorityKeyId.isPresent() && Arrays.equals(authorityKeyId.get(), ciKeyIdentifier);
    }
}
