package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issuance per profile (RFC 5280 §4.2, the table in {@link CertificateProfile}): each certificate carries exactly
 * the expected extensions with the expected criticality and values, and chains to the CI under PKIX; and each
 * issuance rule refuses with its reason. The expectations are written out here, not read from the enum, so a
 * change to a profile shows up as a failing case.
 */
class CertificateIssuerTest {

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    private static final String CERTIFICATE_POLICIES = "2.5.29.32";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ROLE_ARC = "2.25.100703721863794501756186458145649346955.1.";

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    /** One expected profile shape; {@code roleOid} null for none. */
    record Expected(
            CertificateProfile profile,
            int basicConstraints,
            Set<KeyUsageBit> keyUsage,
            List<String> extendedKeyUsage,
            String roleOid,
            boolean subjectAltName,
            boolean crlDistributionPoint) {
        @Override
        public String toString() {
            return profile.name();
        }
    }

    static Stream<Expected> profiles() {
        Set<KeyUsageBit> signing = EnumSet.of(KeyUsageBit.DIGITAL_SIGNATURE);
        return Stream.of(
                new Expected(
                        CertificateProfile.SM_DP,
                        -1,
                        signing,
                        List.of(SERVER_AUTH, CLIENT_AUTH),
                        ROLE_ARC + "2",
                        true,
                        true),
                new Expected(
                        CertificateProfile.SM_SR,
                        -1,
                        signing,
                        List.of(SERVER_AUTH, CLIENT_AUTH),
                        ROLE_ARC + "3",
                        true,
                        true),
                new Expected(
                        CertificateProfile.EUM,
                        0,
                        EnumSet.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN),
                        List.of(),
                        null,
                        false,
                        true),
                new Expected(
                        CertificateProfile.EUM_CLIENT, -1, signing, List.of(CLIENT_AUTH), ROLE_ARC + "4", false, true),
                new Expected(
                        CertificateProfile.OPERATOR, -1, signing, List.of(CLIENT_AUTH), ROLE_ARC + "1", false, true),
                new Expected(CertificateProfile.ADMIN, -1, signing, List.of(CLIENT_AUTH), ROLE_ARC + "5", false, true),
                new Expected(
                        CertificateProfile.ECASD,
                        -1,
                        EnumSet.of(KeyUsageBit.KEY_AGREEMENT),
                        List.of(),
                        null,
                        false,
                        false),
                new Expected(CertificateProfile.TLS_SERVER, -1, signing, List.of(SERVER_AUTH), null, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void issueWhenProfileThenExactlyTheProfileExtensions(Expected expected) throws Exception {
        X509Certificate certificate = pki.issue(expected.profile()).certificate();

        Set<String> nonCritical = new java.util.HashSet<>(Set.of(SUBJECT_KEY_ID, AUTHORITY_KEY_ID));
        if (!expected.extendedKeyUsage().isEmpty()) {
            nonCritical.add(EXT_KEY_USAGE);
        }
        if (expected.subjectAltName()) {
            nonCritical.add(SUBJECT_ALT_NAME);
        }
        if (expected.crlDistributionPoint()) {
            nonCritical.add(CRL_DISTRIBUTION_POINTS);
        }
        if (expected.roleOid() != null) {
            nonCritical.add(CERTIFICATE_POLICIES);
        }
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgOID()).isEqualTo(ECDSA_WITH_SHA256);
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(certificate.getNonCriticalExtensionOIDs()).containsExactlyInAnyOrderElementsOf(nonCritical);
        assertThat(certificate.getBasicConstraints()).isEqualTo(expected.basicConstraints());
        assertThat(keyUsageOf(certificate)).isEqualTo(expected.keyUsage());
        if (expected.extendedKeyUsage().isEmpty()) {
            assertThat(certificate.getExtendedKeyUsage()).isNull();
        } else {
            assertThat(certificate.getExtendedKeyUsage())
                    .containsExactlyInAnyOrderElementsOf(expected.extendedKeyUsage());
        }
        if (expected.roleOid() != null) {
            assertThat(policiesOf(certificate)).containsExactly(expected.roleOid());
        }
        if (expected.crlDistributionPoint()) {
            assertThat(crlUrlsOf(certificate)).containsExactly(TestCertificates.CRL_URL.toString());
        }
        assertThat(CertificateProfile.of(certificate)).contains(expected.profile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void issueWhenProfileThenKeyIdentifiersLinkToTheIssuer(Expected expected) throws Exception {
        X509Certificate certificate = pki.issue(expected.profile()).certificate();
        X509Certificate issuer =
                expected.profile() == CertificateProfile.ECASD ? pki.eum.certificate() : pki.ciCertificate();

        assertThat(subjectKeyIdOf(certificate)).isEqualTo(sha1OfKeyBits(certificate.getPublicKey()));
        assertThat(authorityKeyIdOf(certificate)).isEqualTo(subjectKeyIdOf(issuer));
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(issuer.getSubjectX500Principal());
        certificate.verify(issuer.getPublicKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void issueWhenProfileThenChainsToTheCiUnderPkix(Expected expected) throws Exception {
        TestCertificates.Issued leaf = pki.issue(expected.profile());

        ValidatedPath path = CertificatePaths.trusting(pki.ciCertificate(), TestCertificates.CLOCK)
                .validate(pki.chainFor(leaf, expected.profile()), expected.profile());

        assertThat(path.leaf()).isEqualTo(leaf.certificate());
    }

    @Test
    void issueWhenTlsProfileThenSubjectAltNamesAsRequested() throws Exception {
        X509Certificate certificate = pki.issue(CertificateProfile.SM_DP).certificate();

        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(GeneralName.dNSName, "sm-dp-service"),
                        List.of(GeneralName.dNSName, "localhost"),
                        List.of(GeneralName.iPAddress, "127.0.0.1"));
        assertThat(certificate.getSubjectX500Principal())
                .isEqualTo(TestCertificates.subjectFor(CertificateProfile.SM_DP));
    }

    @Test
    void issueWhenUriSubjectAltNameThenWrittenAsUri() throws Exception {
        URI uri = URI.create("urn:example:operator:1");
        X509Certificate certificate = TestCertificates.issue(
                        pki.ciIssuer,
                        CertificateProfile.OPERATOR,
                        TestCertificates.subjectFor(CertificateProfile.OPERATOR),
                        SubjectAltNames.none().withUri(uri))
                .certificate();

        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(GeneralName.uniformResourceIdentifier, uri.toString()));
    }

    @Test
    void issueWhenEcasdThenEidIsTheSubjectSerialNumber() throws Exception {
        X509Certificate certificate = pki.ecasd(TestCertificates.EID).certificate();

        assertThat(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .contains("2.5.4.5=#1320" + hex(TestCertificates.EID));
    }

    @Test
    void issueWhenValidityLongerThanProfileThenValidityTooLong() {
        assertRefused(
                () -> pki.ciIssuer.issue(request(CertificateProfile.SM_DP, Duration.ofDays(399))),
                PkiException.Reason.VALIDITY_TOO_LONG);
    }

    @Test
    void issueWhenValidityAtProfileMaximumThenIssued() throws Exception {
        X509Certificate certificate = pki.ciIssuer.issue(request(CertificateProfile.SM_DP, Duration.ofDays(398)));

        assertThat(certificate.getNotAfter().toInstant())
                .isEqualTo(NOW.minus(Duration.ofDays(1)).plus(Duration.ofDays(398)));
    }

    @Test
    void issueWhenValidityOutlivesTheIssuingCaThenValidityTooLong() {
        // The fixture's EUM lives 300 days; 400 days is within the ECASD profile's maximum.
        IssuanceRequest request = new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                new X500Principal("SERIALNUMBER=" + TestCertificates.EID + ",CN=eUICC"),
                SubjectAltNames.none(),
                CertificateProfile.ECASD,
                Validity.of(NOW, Duration.ofDays(400)),
                BigInteger.TEN);

        assertRefused(() -> pki.eumIssuer.issue(request), PkiException.Reason.VALIDITY_TOO_LONG);
    }

    @Test
    void issueWhenValidityStartsBeforeTheIssuingCaThenValidityInvalid() {
        IssuanceRequest request = request(
                CertificateProfile.OPERATOR,
                new Validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1))));

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.VALIDITY_INVALID);
    }

    @Test
    void issueWhenValidityInvertedThenValidityInvalid() {
        IssuanceRequest request = request(CertificateProfile.OPERATOR, new Validity(NOW, NOW));

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.VALIDITY_INVALID);
    }

    @Test
    void issueWhenKeyIsP384ThenKeyNotEcP256() {
        IssuanceRequest request = request(
                CertificateProfile.OPERATOR,
                TestCertificates.newKeyPair("secp384r1").getPublic());

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void issueWhenKeyIsRsaThenKeyNotEcP256() {
        IssuanceRequest request = request(
                CertificateProfile.OPERATOR, TestCertificates.newRsaKeyPair().getPublic());

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void issueWhenCiProfileThenProfileNotAllowed() {
        assertRefused(
                () -> pki.ciIssuer.issue(request(CertificateProfile.CI, Duration.ofDays(10))),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void issueWhenCiAskedForEcasdThenProfileNotAllowed() {
        assertRefused(
                () -> pki.ciIssuer.issue(request(CertificateProfile.ECASD, Duration.ofDays(10))),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void issueWhenEumAskedForSmDpThenProfileNotAllowed() {
        assertRefused(
                () -> pki.eumIssuer.issue(request(CertificateProfile.SM_DP, Duration.ofDays(10))),
                PkiException.Reason.PROFILE_NOT_ALLOWED);
    }

    @Test
    void issueWhenTlsServerWithoutSubjectAltNameThenSubjectNotAllowed() {
        IssuanceRequest request = new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                new X500Principal("CN=root-ca-service"),
                SubjectAltNames.none(),
                CertificateProfile.TLS_SERVER,
                Validity.of(NOW, Duration.ofDays(10)),
                BigInteger.TEN);

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenSubjectEmptyThenSubjectNotAllowed() {
        IssuanceRequest request = request(CertificateProfile.OPERATOR, new X500Principal(""), SubjectAltNames.none());

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenSubjectIsTheCiNameThenSubjectNotAllowed() {
        IssuanceRequest request =
                request(CertificateProfile.OPERATOR, TestCertificates.CI_SUBJECT, SubjectAltNames.none());

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenDnsNameInvalidThenSubjectNotAllowed() {
        IssuanceRequest request = request(
                CertificateProfile.TLS_SERVER, new X500Principal("CN=x"), SubjectAltNames.dns("bad_name.example"));

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenUriRelativeThenSubjectNotAllowed() {
        IssuanceRequest request = request(
                CertificateProfile.OPERATOR,
                new X500Principal("CN=x"),
                SubjectAltNames.none().withUri(URI.create("operator/1")));

        assertRefused(() -> pki.ciIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenEcasdSubjectHasNoEidThenSubjectNotAllowed() {
        IssuanceRequest request = new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                new X500Principal("CN=eUICC"),
                SubjectAltNames.none(),
                CertificateProfile.ECASD,
                Validity.of(NOW, Duration.ofDays(10)),
                BigInteger.TEN);

        assertRefused(() -> pki.eumIssuer.issue(request), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void issueWhenSigningHandleSignsWithAnotherKeyThenSigningFailed() throws Exception {
        KeyPairSigner other = KeyPairSigner.of(TestCertificates.newKeyPair(), TestCertificates.RANDOM);
        CertificateSigner faulty = new CertificateSigner() {
            @Override
            public PublicKey publicKey() {
                return pki.ciKeys.getPublic();
            }

            @Override
            public ContentSigner contentSigner() throws PkiException {
                return other.contentSigner();
            }
        };
        CertificateIssuer issuer =
                CertificateIssuer.of(CertificateAuthority.of(pki.ciCertificate(), faulty), TestCertificates.CRL_URL);

        assertRefused(
                () -> issuer.issue(request(CertificateProfile.OPERATOR, Duration.ofDays(10))),
                PkiException.Reason.SIGNING_FAILED);
    }

    @Test
    void requestWhenSerialNotPositiveThenRejected() {
        KeyPair keys = TestCertificates.newKeyPair();
        assertThatThrownBy(() -> new IssuanceRequest(
                        keys.getPublic(),
                        new X500Principal("CN=x"),
                        SubjectAltNames.none(),
                        CertificateProfile.OPERATOR,
                        Validity.of(NOW, Duration.ofDays(1)),
                        BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serial");
    }

    @Test
    void ofWhenCrlUrlNotHttpThenRejected() {
        assertThatThrownBy(() -> CertificateIssuer.of(pki.ci, URI.create("file:///tmp/ci.crl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRL distribution point");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static IssuanceRequest request(CertificateProfile profile, Duration length) {
        return new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                TestCertificates.subjectFor(profile),
                TestCertificates.subjectAltNamesFor(profile),
                profile,
                Validity.of(NOW.minus(Duration.ofDays(1)), length),
                SerialNumbers.random(TestCertificates.RANDOM));
    }

    private static IssuanceRequest request(CertificateProfile profile, Validity validity) {
        return new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                TestCertificates.subjectFor(profile),
                TestCertificates.subjectAltNamesFor(profile),
                profile,
                validity,
                BigInteger.TEN);
    }

    private static IssuanceRequest request(CertificateProfile profile, PublicKey key) {
        return new IssuanceRequest(
                key,
                TestCertificates.subjectFor(profile),
                SubjectAltNames.none(),
                profile,
                Validity.of(NOW, Duration.ofDays(10)),
                BigInteger.TEN);
    }

    private static IssuanceRequest request(CertificateProfile profile, X500Principal subject, SubjectAltNames names) {
        return new IssuanceRequest(
                TestCertificates.newKeyPair().getPublic(),
                subject,
                names,
                profile,
                Validity.of(NOW, Duration.ofDays(10)),
                BigInteger.TEN);
    }

    static Set<KeyUsageBit> keyUsageOf(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        Set<KeyUsageBit> set = EnumSet.noneOf(KeyUsageBit.class);
        for (KeyUsageBit bit : KeyUsageBit.values()) {
            if (bit.index() < bits.length && bits[bit.index()]) {
                set.add(bit);
            }
        }
        return set;
    }

    static List<String> policiesOf(X509Certificate certificate) throws Exception {
        CertificatePolicies policies = CertificatePolicies.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(CERTIFICATE_POLICIES)));
        return Stream.of(policies.getPolicyInformation())
                .map(p -> p.getPolicyIdentifier().getId())
                .toList();
    }

    static List<String> crlUrlsOf(X509Certificate certificate) throws Exception {
        CRLDistPoint points = CRLDistPoint.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(CRL_DISTRIBUTION_POINTS)));
        return Stream.of(points.getDistributionPoints())
                .flatMap(p -> Stream.of(
                        GeneralNames.getInstance(p.getDistributionPoint().getName())
                                .getNames()))
                .map(n -> n.getName().toString())
                .toList();
    }

    static byte[] subjectKeyIdOf(X509Certificate certificate) throws Exception {
        return SubjectKeyIdentifier.getInstance(
                        JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(SUBJECT_KEY_ID)))
                .getKeyIdentifier();
    }

    static byte[] authorityKeyIdOf(X509Certificate certificate) throws Exception {
        return AuthorityKeyIdentifier.getInstance(
                        JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(AUTHORITY_KEY_ID)))
                .getKeyIdentifierOctets();
    }

    /** RFC 5280 §4.2.1.2 method 1, computed independently: SHA-1 of the subjectPublicKey bit string. */
    static byte[] sha1OfKeyBits(PublicKey key) throws Exception {
        byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getPublicKeyData()
                .getBytes();
        return MessageDigest.getInstance("SHA-1").digest(bits);
    }

    private static String hex(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(String.format("%02x", (int) c));
        }
        return out.toString();
    }
}
