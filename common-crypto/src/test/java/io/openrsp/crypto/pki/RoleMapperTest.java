package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §9 client certificate → role: every role, and each way a certificate fails to grant one. The
 * abnormal certificates (two markers, unknown marker, no clientAuth, minted by an EUM) are built directly with
 * Bouncy Castle and signed with the fixture's keys, since the issuer never produces them.
 */
class RoleMapperTest {

    private static final String ROLE_ARC = "2.25.100703721863794501756186458145649346955.1.";

    private static TestCertificates pki;
    private static RoleMapper mapper;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
        mapper = RoleMapper.trusting(pki.ciCertificate());
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(CertificateProfile.OPERATOR, Role.OPERATOR),
                Arguments.of(CertificateProfile.SM_DP, Role.SMDP),
                Arguments.of(CertificateProfile.SM_SR, Role.SMSR),
                Arguments.of(CertificateProfile.EUM_CLIENT, Role.EUM),
                Arguments.of(CertificateProfile.ADMIN, Role.ADMIN));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("roles")
    void decideWhenIssuedForProfileThenGrantsItsRole(CertificateProfile profile, Role role) throws Exception {
        X509Certificate certificate = pki.issue(profile).certificate();

        RoleDecision decision = mapper.decide(certificate);

        assertThat(decision).isEqualTo(new RoleDecision.Granted(role, certificate.getSubjectX500Principal()));
        assertThat(mapper.roleOf(certificate)).contains(role);
    }

    @Test
    void roleWhenPolicyOidThenUnderTheDocumentedArc() {
        assertThat(Role.OPERATOR.policyOid()).isEqualTo(ROLE_ARC + "1");
        assertThat(Role.SMDP.policyOid()).isEqualTo(ROLE_ARC + "2");
        assertThat(Role.SMSR.policyOid()).isEqualTo(ROLE_ARC + "3");
        assertThat(Role.EUM.policyOid()).isEqualTo(ROLE_ARC + "4");
        assertThat(Role.ADMIN.policyOid()).isEqualTo(ROLE_ARC + "5");
    }

    @Test
    void decideWhenClientCertificateWithoutMarkerThenNoRole() throws Exception {
        X509Certificate certificate = ciSigned(clientAuth(), null);

        assertDenied(certificate, RoleDecision.Refusal.NO_ROLE);
    }

    @Test
    void decideWhenTwoDifferentMarkersThenAmbiguousRole() throws Exception {
        X509Certificate certificate =
                ciSigned(clientAuth(), policies(Role.OPERATOR.policyOid(), Role.ADMIN.policyOid()));

        assertDenied(certificate, RoleDecision.Refusal.AMBIGUOUS_ROLE);
    }

    @Test
    void decideWhenSameMarkerTwiceThenAmbiguousRole() throws Exception {
        X509Certificate certificate = ciSigned(clientAuth(), policies(Role.ADMIN.policyOid(), Role.ADMIN.policyOid()));

        assertDenied(certificate, RoleDecision.Refusal.AMBIGUOUS_ROLE);
    }

    @Test
    void decideWhenMarkerUnknownUnderTheRoleArcThenUnknownRole() throws Exception {
        X509Certificate certificate = ciSigned(clientAuth(), policies(ROLE_ARC + "99"));

        assertDenied(certificate, RoleDecision.Refusal.UNKNOWN_ROLE);
    }

    @Test
    void decideWhenOtherPoliciesBesideOneMarkerThenTheyAreIgnored() throws Exception {
        X509Certificate certificate = ciSigned(clientAuth(), policies("2.5.29.32.0", Role.OPERATOR.policyOid()));

        assertThat(mapper.roleOf(certificate)).contains(Role.OPERATOR);
    }

    @Test
    void decideWhenMarkerButNoExtendedKeyUsageThenNotAClientCertificate() throws Exception {
        X509Certificate certificate = ciSigned(null, policies(Role.ADMIN.policyOid()));

        assertDenied(certificate, RoleDecision.Refusal.NOT_A_CLIENT_CERTIFICATE);
    }

    @Test
    void decideWhenTlsServerCertificateThenNotAClientCertificate() throws Exception {
        assertDenied(
                pki.issue(CertificateProfile.TLS_SERVER).certificate(), RoleDecision.Refusal.NOT_A_CLIENT_CERTIFICATE);
    }

    @Test
    void decideWhenEumCaUsedAsTlsClientThenCaCertificate() {
        assertDenied(pki.eum.certificate(), RoleDecision.Refusal.CA_CERTIFICATE);
    }

    @Test
    void decideWhenTheCiItselfThenCaCertificate() {
        assertDenied(pki.ciCertificate(), RoleDecision.Refusal.CA_CERTIFICATE);
    }

    @Test
    void decideWhenEcasdThenNotIssuedByCi() throws Exception {
        assertDenied(pki.issue(CertificateProfile.ECASD).certificate(), RoleDecision.Refusal.NOT_ISSUED_BY_CI);
    }

    @Test
    void decideWhenEumMintsAnAdminCertificateThenNotIssuedByCi() throws Exception {
        X509Certificate minted = signed(
                TestCertificates.EUM_SUBJECT,
                pki.eum.keys(),
                CertificateIssuerTest.subjectKeyIdOf(pki.eum.certificate()),
                clientAuth(),
                policies(Role.ADMIN.policyOid()),
                null);

        assertDenied(minted, RoleDecision.Refusal.NOT_ISSUED_BY_CI);
    }

    @Test
    void decideWhenIssuedByAForgedCiOfTheSameNameThenNotIssuedByCi() throws Exception {
        X509Certificate forged =
                TestCertificates.other(true).issue(CertificateProfile.ADMIN).certificate();

        assertDenied(forged, RoleDecision.Refusal.NOT_ISSUED_BY_CI);
    }

    @Test
    void decideWhenCertificatePoliciesMalformedThenMalformed() throws Exception {
        X509Certificate certificate = signed(
                TestCertificates.CI_SUBJECT,
                pki.ciKeys,
                CertificateIssuerTest.subjectKeyIdOf(pki.ciCertificate()),
                clientAuth(),
                null,
                DERNull.INSTANCE.getEncoded());

        assertDenied(certificate, RoleDecision.Refusal.MALFORMED);
    }

    @Test
    void trustingWhenNotASelfSignedCaThenIssuerInvalid() throws Exception {
        X509Certificate leaf = pki.issue(CertificateProfile.ADMIN).certificate();

        assertRefused(() -> RoleMapper.trusting(leaf), PkiException.Reason.ISSUER_INVALID);
    }

    private static void assertDenied(X509Certificate certificate, RoleDecision.Refusal refusal) {
        assertThat(mapper.decide(certificate)).isEqualTo(new RoleDecision.Denied(refusal));
        assertThat(mapper.roleOf(certificate)).isEmpty();
    }

    private static ExtendedKeyUsage clientAuth() {
        return new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
    }

    private static CertificatePolicies policies(String... oids) {
        return new CertificatePolicies(Stream.of(oids)
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                .toArray(PolicyInformation[]::new));
    }

    private static X509Certificate ciSigned(ExtendedKeyUsage eku, CertificatePolicies policies) throws Exception {
        return signed(
                TestCertificates.CI_SUBJECT,
                pki.ciKeys,
                CertificateIssuerTest.subjectKeyIdOf(pki.ciCertificate()),
                eku,
                policies,
                null);
    }

    /** A leaf signed by {@code issuerKeys}; {@code rawPolicies} (DER) replaces {@code policies} when given. */
    private static X509Certificate signed(
            X500Principal issuer,
            KeyPair issuerKeys,
            byte[] issuerKeyId,
            ExtendedKeyUsage eku,
            CertificatePolicies policies,
            byte[] rawPolicies)
            throws Exception {
        KeyPair subjectKeys = TestCertificates.newKeyPair();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(issuer.getEncoded()),
                SerialNumbers.random(TestCertificates.RANDOM),
                Date.from(NOW.minus(Duration.ofDays(1))),
                Date.from(NOW.plus(Duration.ofDays(10))),
                X500Name.getInstance(new X500Principal("CN=Custom,O=OpenRSP Test").getEncoded()),
                SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
        if (eku != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, eku);
        }
        if (policies != null) {
            builder.addExtension(Extension.certificatePolicies, false, policies);
        }
        if (rawPolicies != null) {
            builder.addExtension(Extension.certificatePolicies, false, rawPolicies);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
