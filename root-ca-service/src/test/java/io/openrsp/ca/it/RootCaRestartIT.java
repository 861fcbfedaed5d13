package io.openrsp.ca.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.ca.RootCaApplication;
import io.openrsp.ca.authority.CertificateService;
import io.openrsp.ca.authority.CrlService;
import io.openrsp.ca.authority.EnrollmentCommand;
import io.openrsp.ca.authority.EnrollmentService;
import io.openrsp.ca.authority.TokenService;
import io.openrsp.ca.store.CertificateStatus;
import io.openrsp.ca.support.TestCsrs;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.RevocationReason;
import io.openrsp.crypto.pki.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restarted CA on the same H2 file database keeps its CI (created, sealed and stored on the first start), the
 * certificates it issued with their status, and its CRL number; serials stay unique across the restart.
 */
class RootCaRestartIT {

    private static final TestPki PKI = TestPki.create();

    @TempDir
    Path data;

    @Test
    void restartWhenSameDatabaseThenKeepsCaSerialsAndCrlNumber() throws Exception {
        String caPem;
        String firstSerial;
        long crlNumber;
        try (var first = start()) {
            caPem = first.getBean(CertificateService.class).caCertificatePem();
            firstSerial = issue(first, "CN=Restart-1");
            first.getBean(CertificateService.class).revoke(firstSerial, RevocationReason.KEY_COMPROMISE);
            crlNumber = RootCaScenario.crlNumber(first.getBean(CrlService.class).currentDer());
        }

        try (var second = start()) {
            var certificates = second.getBean(CertificateService.class);
            assertThat(certificates.caCertificatePem()).as("the CI").isEqualTo(caPem);
            assertThat(certificates.find(firstSerial).status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(RootCaScenario.crlNumber(second.getBean(CrlService.class).currentDer()))
                    .as("CRL number after restart")
                    .isEqualTo(crlNumber);

            String secondSerial = issue(second, "CN=Restart-2");
            certificates.revoke(secondSerial, RevocationReason.SUPERSEDED);

            assertThat(secondSerial).isNotEqualTo(firstSerial);
            assertThat(RootCaScenario.crlNumber(second.getBean(CrlService.class).currentDer()))
                    .isEqualTo(crlNumber + 1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RootCaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("root-ca") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--OPENRSP_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "--openrsp.tls.certificate=" + PKI.file("root-ca-service.crt"),
                        "--openrsp.tls.private-key=" + PKI.file("root-ca-service.key"),
                        "--openrsp.tls.trust-bundle=" + PKI.file("trust-bundle.pem"));
    }

    private static String issue(ConfigurableApplicationContext context, String subject) throws Exception {
        var token = context.getBean(TokenService.class).create(CertificateProfile.OPERATOR, subject, null);
        var enrollment = context.getBean(EnrollmentService.class)
                .enroll(new EnrollmentCommand(
                        TestCsrs.pem(TestCsrs.p256(), subject, null),
                        CertificateProfile.OPERATOR,
                        null,
                        null,
                        token.token()));
        return enrollment.certificate().serialHex();
    }
}
