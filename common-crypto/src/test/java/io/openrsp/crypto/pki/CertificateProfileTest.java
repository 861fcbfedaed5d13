package io.openrsp.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile table documented in {@link CertificateProfile}: limits, roles, issuers, and recognition. */
class CertificateProfileTest {

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(CertificateProfile.CI, 7305, null, CertificateProfile.CI),
                Arguments.of(CertificateProfile.SM_DP, 398, Role.SMDP, CertificateProfile.CI),
                Arguments.of(CertificateProfile.SM_SR, 398, Role.SMSR, CertificateProfile.CI),
                Arguments.of(CertificateProfile.EUM, 5479, null, CertificateProfile.CI),
                Arguments.of(CertificateProfile.EUM_CLIENT, 398, Role.EUM, CertificateProfile.CI),
                Arguments.of(CertificateProfile.OPERATOR, 398, Role.OPERATOR, CertificateProfile.CI),
                Arguments.of(CertificateProfile.ADMIN, 398, Role.ADMIN, CertificateProfile.CI),
                Arguments.of(CertificateProfile.ECASD, 5479, null, CertificateProfile.EUM),
                Arguments.of(CertificateProfile.TLS_SERVER, 398, null, CertificateProfile.CI));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void profileWhenReadThenMatchesTheDocumentedTable(
            CertificateProfile profile, int maxDays, Role role, CertificateProfile issuer) {
        assertThat(profile.maxValidity()).isEqualTo(Duration.ofDays(maxDays));
        assertThat(profile.role().orElse(null)).isEqualTo(role);
        assertThat(profile.issuerProfile()).isEqualTo(issuer);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CertificateProfile.class)
    void matchesWhenCertificateOfProfileThenOnlyThatProfileMatches(CertificateProfile profile) throws Exception {
        X509Certificate certificate = profile == CertificateProfile.CI
                ? pki.ciCertificate()
                : pki.issue(profile).certificate();

        assertThat(Arrays.stream(CertificateProfile.values()).filter(p -> p.matches(certificate)))
                .containsExactly(profile);
    }
}
