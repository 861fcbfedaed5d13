package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.KeyPurpose.CLIENT_AUTH;
import static io.openrsp.crypto.pki.KeyPurpose.SERVER_AUTH;
import static io.openrsp.crypto.pki.KeyUsageBit.CRL_SIGN;
import static io.openrsp.crypto.pki.KeyUsageBit.DIGITAL_SIGNATURE;
import static io.openrsp.crypto.pki.KeyUsageBit.KEY_AGREEMENT;
import static io.openrsp.crypto.pki.KeyUsageBit.KEY_CERT_SIGN;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GSMA SGP.02 v4.2 §2.3 (certificate hierarchy: CI, EUM, eUICC/ECASD, SM-DP, SM-SR) and RFC 5280 §4.2: the
 * certificate kinds this platform issues, with the extensions each one carries. Everything is issued by the
 * CI except ECASD certificates, which the EUM issues.
 *
 * <table>
 * <caption>Profiles</caption>
 * <tr><th>profile</th><th>basicConstraints (critical)</th><th>keyUsage (critical)</th><th>extKeyUsage</th>
 *     <th>role policy</th><th>max validity</th><th>SAN</th><th>issuer</th></tr>
 * <tr><td>CI</td><td>CA, pathLen 1</td><td>keyCertSign, cRLSign</td><td>-</td><td>-</td><td>20 y</td>
 *     <td>-</td><td>itself</td></tr>
 * <tr><td>SM_DP</td><td>end entity</td><td>digitalSignature (TLS and ES8 CERT.DP.ECDSA)</td>
 *     <td>serverAuth, clientAuth</td><td>SMDP</td><td>398 d</td><td>required</td><td>CI</td></tr>
 * <tr><td>SM_SR</td><td>end entity</td><td>digitalSignature</td><td>serverAuth, clientAuth</td><td>SMSR</td>
 *     <td>398 d</td><td>required</td><td>CI</td></tr>
 * <tr><td>EUM</td><td>CA, pathLen 0</td><td>digitalSignature (EIS), keyCertSign, cRLSign</td><td>-</td>
 *     <td>-</td><td>15 y</td><td>-</td><td>CI</td></tr>
 * <tr><td>EUM_CLIENT</td><td>end entity</td><td>digitalSignature</td><td>clientAuth</td><td>EUM</td>
 *     <td>398 d</td><td>optional</td><td>CI</td></tr>
 * <tr><td>OPERATOR</td><td>end entity</td><td>digitalSignature</td><td>clientAuth</td><td>OPERATOR</td>
 *     <td>398 d</td><td>optional</td><td>CI</td></tr>
 * <tr><td>ADMIN</td><td>end entity</td><td>digitalSignature</td><td>clientAuth</td><td>ADMIN</td>
 *     <td>398 d</td><td>optional</td><td>CI</td></tr>
 * <tr><td>ECASD</td><td>end entity</td><td>keyAgreement (CERT.ECASD.ECKA)</td><td>-</td><td>-</td>
 *     <td>15 y</td><td>optional; EID in subject serialNumber</td><td>EUM</td></tr>
 * <tr><td>TLS_SERVER</td><td>end entity</td><td>digitalSignature</td><td>serverAuth</td><td>-</td>
 *     <td>398 d</td><td>required</td><td>CI</td></tr>
 * </table>
 *
 * <p>Every issued certificate also carries subjectKeyIdentifier, authorityKeyIdentifier and (except the CI)
 * cRLDistributionPoints when the issuer publishes a CRL.
 *
 * <p>Deviations and choices: the EUM's CA certificate is never a TLS identity (a CA key should only sign),
 * so the factory calls ES1 with a separate EUM_CLIENT certificate that carries the EUM role. SM-DP and SM-SR
 * certificates serve as both TLS server and client; TLS_SERVER is for the services that only serve
 * (root-ca-service, euicc-simulator) and grants no role. The CI's pathLen 1 allows exactly the EUM level.
 * Leaf lifetimes follow the CA/Browser Forum's 398 days, although this is a private PKI.
 */
public enum CertificateProfile {
    CI(1, EnumSet.of(KEY_CERT_SIGN, CRL_SIGN), EnumSet.noneOf(KeyPurpose.class), null, Duration.ofDays(7305), false),
    SM_DP(
            -1,
            EnumSet.of(DIGITAL_SIGNATURE),
            EnumSet.of(SERVER_AUTH, CLIENT_AUTH),
            Role.SMDP,
            Duration.ofDays(398),
            true),
    SM_SR(
            -1,
            EnumSet.of(DIGITAL_SIGNATURE),
            EnumSet.of(SERVER_AUTH, CLIENT_AUTH),
            Role.SMSR,
            Duration.ofDays(398),
            true),
    EUM(
            0,
            EnumSet.of(DIGITAL_SIGNATURE, KEY_CERT_SIGN, CRL_SIGN),
            EnumSet.noneOf(KeyPurpose.class),
            null,
            Duration.ofDays(5479),
            false),
    EUM_CLIENT(-1, EnumSet.of(DIGITAL_SIGNATURE), EnumSet.of(CLIENT_AUTH), Role.EUM, Duration.ofDays(398), false),
    OPERATOR(-1, EnumSet.of(DIGITAL_SIGNATURE), EnumSet.of(CLIENT_AUTH), Role.OPERATOR, Duration.ofDays(398), false),
    ADMIN(-1, EnumSet.of(DIGITAL_SIGNATURE), EnumSet.of(CLIENT_AUTH), Role.ADMIN, Duration.ofDays(398), false),
    ECASD(-1, EnumSet.of(KEY_AGREEMENT), EnumSet.noneOf(KeyPurpose.class), null, Duration.ofDays(5479), false),
    TLS_SERVER(-1, EnumSet.of(DIGITAL_SIGNATURE), EnumSet.of(SERVER_AUTH), null, Duration.ofDays(398), true);

    private final int basicConstraints;
    private final Set<KeyUsageBit> keyUsage;
    private final Set<KeyPurpose> extendedKeyUsage;
    private final Role role;
    private final Duration maxValidity;
    private final boolean subjectAltNameRequired;

    CertificateProfile(
            int basicConstraints,
            EnumSet<KeyUsageBit> keyUsage,
            EnumSet<KeyPurpose> extendedKeyUsage,
            Role role,
            Duration maxValidity,
            boolean subjectAltNameRequired) {
        this.basicConstraints = basicConstraints;
        this.keyUsage = Collections.unmodifiableSet(keyUsage);
        this.extendedKeyUsage = Collections.unmodifiableSet(extendedKeyUsage);
        this.role = role;
        this.maxValidity = maxValidity;
        this.subjectAltNameRequired = subjectAltNameRequired;
    }

    /** Whether certificates of this profile are CAs. */
    public boolean isCa() {
        return basicConstraints >= 0;
    }

    /**
     * The basic constraints in the form of {@link X509Certificate#getBasicConstraints()}: the pathLen for a CA,
     * -1 for an end entity.
     */
    public int basicConstraints() {
        return basicConstraints;
    }

    public Set<KeyUsageBit> keyUsage() {
        return keyUsage;
    }

    public Set<KeyPurpose> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** The role a client certificate of this profile grants (DESIGN.md §9), if any. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The longest validity period (notBefore to notAfter) this profile allows. */
    public Duration maxValidity() {
        return maxValidity;
    }

    /** Whether a subjectAltName is required (TLS servers are matched by SAN, not by CN). */
    public boolean subjectAltNameRequired() {
        return subjectAltNameRequired;
    }

    /** The profile of the CA that issues this profile: the CI for all but ECASD (issued by the EUM). */
    public CertificateProfile issuerProfile() {
        return this == ECASD ? EUM : CI;
    }

    /**
     * Whether {@code certificate} has exactly this profile's basic constraints, key usage, extended key usage
     * and role marker. Validity and naming are not checked here.
     */
    public boolean matches(X509Certificate certificate) {
        return certificate.getBasicConstraints() == basicConstraints
                && keyUsageOf(certificate).equals(keyUsage)
                && extendedKeyUsageOf(certificate).equals(oids(extendedKeyUsage))
                && roleMarkersOf(certificate).equals(role == null ? Set.of() : Set.of(role.policyOid()));
    }

    /** The profile {@code certificate} matches, if any (profiles are pairwise distinct). */
    public static Optional<CertificateProfile> of(X509Certificate certificate) {
        for (CertificateProfile profile : values()) {
            if (profile.matches(certificate)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    private static Set<KeyUsageBit> keyUsageOf(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        Set<KeyUsageBit> set = EnumSet.noneOf(KeyUsageBit.class);
        if (bits != null) {
            for (KeyUsageBit bit : KeyUsageBit.values()) {
                if (bit.index() < bits.length && bits[bit.index()]) {
                    set.add(bit);
                }
            }
        }
        return set;
    }

    private static Set<String> extendedKeyUsageOf(X509Certificate certificate) {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku == null ? Set.of() : new HashSet<>(eku);
        } catch (CertificateParsingException e) {
            // A malformed EKU matches no profile.
            return Set.of("malformed");
        }
    }

    private static Set<String> roleMarkersOf(X509Certificate certificate) {
        try {
            return new HashSet<>(CertificateExtensions.rolePolicyOids(certificate));
        } catch (PkiException e) {
            return Set.of("malformed");
        }
    }

    private static Set<String> oids(Set<KeyPurpose> purposes) {
        return purposes.stream().map(KeyPurpose::oid).collect(Collectors.toSet());
    }
}
