package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsp pki init}: the files, their contents and permissions, and the overwrite rule. */
class PkiBootstrapTest {

    private static final Map<String, CertificateProfile> ENTITIES = Map.of(
            "sm-dp", CertificateProfile.SM_DP,
            "sm-sr", CertificateProfile.SM_SR,
            "root-ca-service", CertificateProfile.TLS_SERVER,
            "euicc-simulator", CertificateProfile.TLS_SERVER,
            "eum", CertificateProfile.EUM,
            "eum-client", CertificateProfile.EUM_CLIENT,
            "operator-1", CertificateProfile.OPERATOR,
            "admin", CertificateProfile.ADMIN);

    private static final Map<String, String> COMPOSE_NAMES = Map.of(
            "sm-dp", "sm-dp-service",
            "sm-sr", "sm-sr-service",
            "root-ca-service", "root-ca-service",
            "euicc-simulator", "euicc-simulator");

    @TempDir
    Path directory;

    private final PkiBootstrap bootstrap =
            PkiBootstrap.of(PkiBootstrap.Settings.defaults(), TestCertificates.CLOCK, TestCertificates.RANDOM);

    @Test
    void initWhenEmptyDirectoryThenWritesExactlyTheExpectedFiles() throws Exception {
        PkiBootstrap.Result result = bootstrap.init(directory, false);

        List<String> expected = Stream.concat(
                        Stream.of("ci.crt", "ci.key", "trust-bundle.pem", "ci.crl"),
                        ENTITIES.keySet().stream().flatMap(n -> Stream.of(n + ".crt", n + ".key")))
                .toList();
        assertThat(result.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expected);
        try (Stream<Path> listed = Files.list(directory)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(PkiBootstrap.entityNames()).containsExactlyInAnyOrderElementsOf(ENTITIES.keySet());
    }

    @Test
    void initWhenDoneThenEveryCertificateChainsToTheCiWithItsProfileAndMatchesItsKey() throws Exception {
        bootstrap.init(directory, false);
        X509Certificate ci = Pem.readCertificate(read("ci.crt"));
        X509CRL crl = Pem.readCrl(read("ci.crl"));
        CertificatePaths paths = CertificatePaths.trusting(ci, TestCertificates.CLOCK);

        for (Map.Entry<String, CertificateProfile> entity : ENTITIES.entrySet()) {
            X509Certificate certificate = Pem.readCertificate(read(entity.getKey() + ".crt"));
            KeyPair keys = new KeyPair(certificate.getPublicKey(), Pem.readPrivateKey(read(entity.getKey() + ".key")));

            assertThat(paths.validate(List.of(certificate), entity.getValue(), List.of(crl))
                            .leaf())
                    .as(entity.getKey())
                    .isEqualTo(certificate);
            KeyPairSigner.of(keys, TestCertificates.RANDOM); // refuses a key that does not match
        }
        KeyPairSigner ciSigner = KeyPairSigner.of(
                new KeyPair(ci.getPublicKey(), Pem.readPrivateKey(read("ci.key"))), TestCertificates.RANDOM);
        assertThat(CertificateAuthority.of(ci, ciSigner).profile()).isEqualTo(CertificateProfile.CI);
    }

    @Test
    void initWhenDoneThenTlsCertificatesNameLocalhostLoopbackAndComposeService() throws Exception {
        bootstrap.init(directory, false);

        for (Map.Entry<String, String> entity : COMPOSE_NAMES.entrySet()) {
            X509Certificate certificate = Pem.readCertificate(read(entity.getKey() + ".crt"));
            assertThat(certificate.getSubjectAlternativeNames())
                    .as(entity.getKey())
                    .containsExactlyInAnyOrder(
                            List.of(GeneralName.dNSName, entity.getValue()),
                            List.of(GeneralName.dNSName, "localhost"),
                            List.of(GeneralName.iPAddress, "127.0.0.1"));
        }
    }

    @Test
    void initWhenDoneThenClientCertificatesMapToTheirRoles() throws Exception {
        bootstrap.init(directory, false);
        RoleMapper mapper = RoleMapper.trusting(Pem.readCertificate(read("ci.crt")));

        assertThat(mapper.roleOf(Pem.readCertificate(read("operator-1.crt")))).contains(Role.OPERATOR);
        assertThat(mapper.roleOf(Pem.readCertificate(read("admin.crt")))).contains(Role.ADMIN);
        assertThat(mapper.roleOf(Pem.readCertificate(read("eum-client.crt")))).contains(Role.EUM);
        assertThat(mapper.roleOf(Pem.readCertificate(read("sm-dp.crt")))).contains(Role.SMDP);
        assertThat(mapper.roleOf(Pem.readCertificate(read("sm-sr.crt")))).contains(Role.SMSR);
        assertThat(mapper.roleOf(Pem.readCertificate(read("eum.crt")))).isEmpty();
    }

    @Test
    void initWhenDoneThenTrustBundleIsTheCiAndCrlIsEmptyNumberOneSignedByTheCi() throws Exception {
        bootstrap.init(directory, false);
        X509Certificate ci = Pem.readCertificate(read("ci.crt"));
        X509CRL crl = Pem.readCrl(read("ci.crl"));

        assertThat(Pem.readCertificates(read("trust-bundle.pem"))).containsExactly(ci);
        crl.verify(ci.getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNullOrEmpty();
        assertThat(CrlBuilder.crlNumber(crl)).isOne();
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(TestCertificates.NOW.plus(java.time.Duration.ofDays(30)));
    }

    @Test
    void initWhenDoneThenKeyFilesAre0600AndOthers0644AndNoTemporaryFilesRemain() throws Exception {
        bootstrap.init(directory, false);

        try (Stream<Path> listed = Files.list(directory)) {
            for (Path file : listed.toList()) {
                String expected = file.toString().endsWith(".key") ? "rw-------" : "rw-r--r--";
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.getFileName().toString())
                        .isEqualTo(expected);
                assertThat(file.getFileName().toString()).doesNotEndWith(".tmp");
            }
        }
    }

    @Test
    void initWhenPkiExistsAndNoForceThenPkiExistsAndNothingChanges() throws Exception {
        bootstrap.init(directory, false);
        String before = read("ci.crt");

        PkiException e = assertRefused(() -> bootstrap.init(directory, false), PkiException.Reason.PKI_EXISTS);

        assertThat(e.getMessage()).contains("ci.crt");
        assertThat(read("ci.crt")).isEqualTo(before);
    }

    @Test
    void initWhenOnlyOneFileExistsAndNoForceThenPkiExistsNamingIt() throws Exception {
        Files.writeString(directory.resolve("admin.key"), "keep me");

        PkiException e = assertRefused(() -> bootstrap.init(directory, false), PkiException.Reason.PKI_EXISTS);

        assertThat(e.getMessage()).contains("admin.key");
        assertThat(read("admin.key")).isEqualTo("keep me");
    }

    @Test
    void initWhenPkiExistsAndForceThenReplacedAndKeysStay0600() throws Exception {
        bootstrap.init(directory, false);
        X509Certificate oldCi = Pem.readCertificate(read("ci.crt"));

        bootstrap.init(directory, true);

        X509Certificate newCi = Pem.readCertificate(read("ci.crt"));
        assertThat(newCi).isNotEqualTo(oldCi);
        X509Certificate smdp = Pem.readCertificate(read("sm-dp.crt"));
        smdp.verify(newCi.getPublicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("ci.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void initWhenDirectoryMissingThenCreated() throws Exception {
        Path nested = directory.resolve("a/b/pki");

        bootstrap.init(nested, false);

        assertThat(nested.resolve("ci.crt")).exists();
    }

    private String read(String name) throws Exception {
        return Files.readString(directory.resolve(name));
    }
}
