package io.openrsp.smdp.es8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link Es8Credentials} on the files {@code rsp pki init} writes, and the operator errors it reports. */
class Es8CredentialsTest {

    private static final TestPki PKI = TestPki.create();

    @AfterAll
    static void delete() throws IOException {
        PKI.delete();
    }

    private static Es8Properties properties(Path certificate, Path key, Path ci, List<Path> eums) {
        return new Es8Properties(certificate, key, ci, eums, null);
    }

    private static Es8Properties good() {
        return properties(
                PKI.file("sm-dp.crt"), PKI.file("sm-dp.key"), PKI.file("ci.crt"), List.of(PKI.file("eum.crt")));
    }

    @Test
    void identityWhenFilesGoodThenCertificateDerAndRedactedToString() throws Exception {
        Es8Credentials.SmDpIdentity identity = new Es8Credentials(good(), Clock.systemUTC()).identity();

        assertThat(identity.certificateDer())
                .isEqualTo(Pem.readCertificate(Files.readString(PKI.file("sm-dp.crt"), StandardCharsets.US_ASCII))
                        .getEncoded());
        assertThat(identity.toString()).isEqualTo("SmDpIdentity[key redacted]");
    }

    @Test
    void identityWhenCertificateAndKeyRenewedThenTheRenewedPairIsUsed() throws Exception {
        TestPki own = TestPki.create();
        try {
            var credentials = new Es8Credentials(
                    properties(own.file("sm-dp.crt"), own.file("sm-dp.key"), own.file("ci.crt"), List.of()),
                    Clock.systemUTC());
            byte[] before = credentials.identity().certificateDer();

            own.renew("sm-dp");
            byte[] after = credentials.identity().certificateDer();

            assertThat(after)
                    .isNotEqualTo(before)
                    .isEqualTo(Pem.readCertificate(Files.readString(own.file("sm-dp.crt"), StandardCharsets.US_ASCII))
                            .getEncoded());
        } finally {
            own.delete();
        }
    }

    @Test
    void identityWhenCertificateFileMissingThenIllegalStateNamingTheSetting() {
        var credentials = new Es8Credentials(
                properties(PKI.file("absent.crt"), PKI.file("sm-dp.key"), PKI.file("ci.crt"), List.of()),
                Clock.systemUTC());

        assertThatIllegalStateException()
                .isThrownBy(credentials::identity)
                .withMessageStartingWith("openrsp.smdp.es8.certificate")
                .withMessageContaining("absent.crt");
    }

    @Test
    void identityWhenKeyIsNotTheCertificatesThenIllegalStateNamingPrivateKey() {
        var credentials = new Es8Credentials(
                properties(PKI.file("sm-dp.crt"), PKI.file("sm-sr.key"), PKI.file("ci.crt"), List.of()),
                Clock.systemUTC());

        assertThatIllegalStateException()
                .isThrownBy(credentials::identity)
                .withMessageStartingWith("openrsp.smdp.es8.private-key")
                .withMessageContaining("is not the key of");
    }

    @Test
    void trustWhenFilesGoodThenEumKnownByItsCn() {
        Es8Credentials.Trust trust = new Es8Credentials(good(), Clock.systemUTC()).trust();

        assertThat(trust.eums().certificate("EUM-1")).isPresent();
        assertThat(trust.eums().certificate("EUM-2")).isEmpty();
    }

    @Test
    void trustWhenAnEumFileIsNotAnEumCertificateThenIllegalStateNamingTheSetting() {
        var credentials = new Es8Credentials(
                properties(
                        PKI.file("sm-dp.crt"),
                        PKI.file("sm-dp.key"),
                        PKI.file("ci.crt"),
                        List.of(PKI.file("sm-dp.crt"))),
                Clock.systemUTC());

        assertThatIllegalStateException()
                .isThrownBy(credentials::trust)
                .withMessageStartingWith("openrsp.smdp.es8.eum-certificates")
                .withMessageContaining("is not an EUM certificate issued by the CI");
    }

    @Test
    void trustWhenCiFileMissingThenIllegalStateNamingTheSetting() {
        var credentials = new Es8Credentials(
                properties(PKI.file("sm-dp.crt"), PKI.file("sm-dp.key"), PKI.file("absent-ci.crt"), List.of()),
                Clock.systemUTC());

        assertThatIllegalStateException()
                .isThrownBy(credentials::trust)
                .withMessageStartingWith("openrsp.smdp.es8.ci-certificate");
    }
}
