package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with OpenSSL (DESIGN.md §2: "openssl verify -crl_check must accept what it issues and reject
 * what it revoked"): {@code openssl verify} before and after revocation for CI → SM-DP and CI → EUM → ECASD,
 * {@code openssl x509/crl -text} on every profile and the CRL, and OpenSSL-made CSRs and keys read by this
 * library. Skipped (assumption) when {@code openssl} is not on the PATH. Verification runs at the fixture's
 * instant ({@code -attime}), not the wall clock.
 */
class OpensslInteropTest {

    private static final Map<CertificateProfile, List<String>> TEXT_EXPECTED = Map.of(
            CertificateProfile.CI,
            List.of("CA:TRUE, pathlen:1", "Certificate Sign, CRL Sign"),
            CertificateProfile.SM_DP,
            List.of(
                    "CA:FALSE",
                    "Digital Signature",
                    "TLS Web Server Authentication, TLS Web Client Authentication",
                    "Policy: " + Role.SMDP.policyOid(),
                    "URI:http://ci.test/crl",
                    "DNS:localhost"),
            CertificateProfile.SM_SR,
            List.of("Policy: " + Role.SMSR.policyOid(), "IP Address:127.0.0.1"),
            CertificateProfile.EUM,
            List.of("CA:TRUE, pathlen:0", "Digital Signature, Certificate Sign, CRL Sign"),
            CertificateProfile.EUM_CLIENT,
            List.of("TLS Web Client Authentication", "Policy: " + Role.EUM.policyOid()),
            CertificateProfile.OPERATOR,
            List.of("Policy: " + Role.OPERATOR.policyOid()),
            CertificateProfile.ADMIN,
            List.of("Policy: " + Role.ADMIN.policyOid()),
            CertificateProfile.ECASD,
            List.of("Key Agreement", "serialNumber = " + TestCertificates.EID),
            CertificateProfile.TLS_SERVER,
            List.of("TLS Web Server Authentication", "DNS:tls-server-service"));

    private static String openssl;
    private static TestCertificates pki;

    @TempDir
    Path directory;

    @BeforeAll
    static void findOpenssl() throws PkiException {
        openssl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "openssl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElse(null);
        pki = TestCertificates.create();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CertificateProfile.class)
    void x509TextWhenProfileThenOpensslParsesItWithTheExpectedExtensions(CertificateProfile profile) throws Exception {
        X509Certificate certificate = profile == CertificateProfile.CI
                ? pki.ciCertificate()
                : pki.issue(profile).certificate();
        Path file = write("cert.pem", Pem.encodeCertificate(certificate));

        Result result = run(openssl(), "x509", "-noout", "-text", "-in", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("X509v3 Basic Constraints: critical", "X509v3 Key Usage: critical", "ecdsa-with-SHA256")
                .contains(TEXT_EXPECTED.get(profile));
    }

    @Test
    void verifyWhenSmDpBeforeAndAfterRevocationThenOkThenCertificateRevoked() throws Exception {
        X509Certificate smdp = pki.issue(CertificateProfile.SM_DP).certificate();
        Path ci = write("ci.pem", Pem.encodeCertificate(pki.ciCertificate()));
        Path leaf = write("leaf.pem", Pem.encodeCertificate(smdp));

        Result before =
                verify(ci, null, write("crl.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.ci))), leaf, false);
        Result after =
                verify(ci, null, write("crl2.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.ci, smdp))), leaf, false);

        assertThat(before.exitCode()).as(before.output()).isZero();
        assertThat(before.output()).contains(leaf + ": OK");
        assertThat(after.exitCode()).as(after.output()).isNotZero();
        assertThat(after.output()).contains("certificate revoked");
    }

    @Test
    void verifyWhenEcasdUnderEumBeforeAndAfterRevocationThenOkThenCertificateRevoked() throws Exception {
        X509Certificate ecasd = pki.issue(CertificateProfile.ECASD).certificate();
        Path ci = write("ci.pem", Pem.encodeCertificate(pki.ciCertificate()));
        Path eum = write("eum.pem", Pem.encodeCertificate(pki.eum.certificate()));
        Path leaf = write("leaf.pem", Pem.encodeCertificate(ecasd));

        Result before =
                verify(ci, eum, write("crl.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.eumCa))), leaf, false);
        Result after = verify(
                ci, eum, write("crl2.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.eumCa, ecasd))), leaf, false);

        assertThat(before.exitCode()).as(before.output()).isZero();
        assertThat(before.output()).contains(leaf + ": OK");
        assertThat(after.exitCode()).as(after.output()).isNotZero();
        assertThat(after.output()).contains("certificate revoked");
    }

    @Test
    void verifyWhenWholeChainCheckedAndEumRevokedByCiThenCertificateRevoked() throws Exception {
        X509Certificate ecasd = pki.issue(CertificateProfile.ECASD).certificate();
        Path ci = write("ci.pem", Pem.encodeCertificate(pki.ciCertificate()));
        Path eum = write("eum.pem", Pem.encodeCertificate(pki.eum.certificate()));
        Path leaf = write("leaf.pem", Pem.encodeCertificate(ecasd));
        X509CRL eumCrl = CertificatePathsTest.crl(pki.eumCa);

        Result before = verify(
                ci,
                eum,
                write("crls.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.ci)) + Pem.encodeCrl(eumCrl)),
                leaf,
                true);
        Result after = verify(
                ci,
                eum,
                write(
                        "crls2.pem",
                        Pem.encodeCrl(CertificatePathsTest.crl(pki.ci, pki.eum.certificate())) + Pem.encodeCrl(eumCrl)),
                leaf,
                true);

        assertThat(before.exitCode()).as(before.output()).isZero();
        assertThat(after.exitCode()).as(after.output()).isNotZero();
        assertThat(after.output()).contains("certificate revoked");
    }

    @Test
    void verifyWhenLeafFromAnotherCiThenOpensslRefuses() throws Exception {
        Path ci = write("ci.pem", Pem.encodeCertificate(pki.ciCertificate()));
        Path leaf = write(
                "leaf.pem",
                Pem.encodeCertificate(TestCertificates.other(true)
                        .issue(CertificateProfile.SM_DP)
                        .certificate()));

        Result result =
                verify(ci, null, write("crl.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.ci))), leaf, false);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        // OpenSSL matches the authorityKeyIdentifier, so the same-named forged CI is not even taken as issuer.
        assertThat(result.output()).contains("unable to get local issuer certificate");
    }

    @Test
    void verifyWhenBootstrapPkiThenEveryCertificateVerifiesAgainstCiAndItsCrl() throws Exception {
        openssl();
        PkiBootstrap.of(PkiBootstrap.Settings.defaults(), TestCertificates.CLOCK, TestCertificates.RANDOM)
                .init(directory, false);

        for (String name : PkiBootstrap.entityNames()) {
            Path leaf = directory.resolve(name + ".crt");
            Result result = verify(directory.resolve("ci.crt"), null, directory.resolve("ci.crl"), leaf, false);
            assertThat(result.exitCode()).as(name + ": " + result.output()).isZero();
        }
        Result key = run(
                openssl(), "pkey", "-noout", "-in", directory.resolve("ci.key").toString());
        assertThat(key.exitCode()).as(key.output()).isZero();
    }

    @Test
    void crlTextWhenRevokedEntryThenOpensslShowsNumberAndReason() throws Exception {
        X509Certificate smdp = pki.issue(CertificateProfile.SM_DP).certificate();
        Path crl = write("crl.pem", Pem.encodeCrl(CertificatePathsTest.crl(pki.ci, smdp)));

        Result result = run(openssl(), "crl", "-noout", "-text", "-in", crl.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Version 2", "X509v3 CRL Number:", "X509v3 Authority Key Identifier", "Key Compromise")
                .contains(smdp.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void validateWhenCsrMadeByOpensslThenAcceptedWithItsNames() throws Exception {
        Path csr = directory.resolve("req.pem");
        Result result = run(
                openssl(),
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                directory.resolve("req.key").toString(),
                "-subj",
                "/O=OpenRSP/CN=SM-SR-9",
                "-addext",
                "subjectAltName=DNS:sm-sr-service,IP:127.0.0.1",
                "-out",
                csr.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();

        ValidatedCsr validated = new CsrValidator().validate(Pem.readCsr(Files.readString(csr)));

        assertThat(validated.subject().getName()).isEqualTo("CN=SM-SR-9,O=OpenRSP");
        assertThat(validated.requestedSubjectAltNames().dnsNames()).containsExactly("sm-sr-service");
        assertThat(validated.requestedSubjectAltNames().ipAddresses())
                .extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        KeyPairSigner.of(
                new KeyPair(validated.publicKey(), Pem.readPrivateKey(Files.readString(directory.resolve("req.key")))),
                TestCertificates.RANDOM);
    }

    @Test
    void validateWhenRsaCsrMadeByOpensslThenKeyNotEcP256() throws Exception {
        Path csr = directory.resolve("rsa.pem");
        Result result = run(
                openssl(),
                "req",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                directory.resolve("rsa.key").toString(),
                "-subj",
                "/CN=x",
                "-out",
                csr.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        byte[] der = Pem.readCsr(Files.readString(csr));

        assertRefused(() -> new CsrValidator().validate(der), PkiException.Reason.KEY_NOT_EC_P256);
    }

    @Test
    void readPrivateKeyWhenOpensslSec1KeyThenAccepted() throws Exception {
        Path key = directory.resolve("sec1.key");
        Result result = run(openssl(), "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(key)).contains("BEGIN EC PRIVATE KEY");

        assertThat(Pem.readPrivateKey(Files.readString(key)).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void opensslWhenReadingOurCsrAndKeyThenBothVerify() throws Exception {
        KeyPair keys = TestCertificates.newKeyPair();
        Path csr = write("ours.csr", Pem.encodeCsr(TestCsrs.csr(keys, "CN=x", null, "SHA256withECDSA")));
        Path key = write("ours.key", Pem.encodePrivateKey(keys.getPrivate()));

        Result request = run(openssl(), "req", "-noout", "-verify", "-in", csr.toString());
        Result pkey = run(openssl(), "pkey", "-noout", "-in", key.toString());

        assertThat(request.exitCode()).as(request.output()).isZero();
        assertThat(request.output()).containsIgnoringCase("verify OK");
        assertThat(pkey.exitCode()).as(pkey.output()).isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    record Result(int exitCode, String output) {}

    private static String openssl() {
        assumeTrue(openssl != null, "openssl is not on the PATH");
        return openssl;
    }

    private Result verify(Path ci, Path untrusted, Path crls, Path leaf, boolean wholeChain) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(openssl(), "verify", "-attime", Long.toString(NOW.getEpochSecond()), "-CAfile", ci.toString()));
        if (untrusted != null) {
            command.addAll(List.of("-untrusted", untrusted.toString()));
        }
        command.addAll(
                List.of(wholeChain ? "-crl_check_all" : "-crl_check", "-CRLfile", crls.toString(), leaf.toString()));
        return run(command.toArray(String[]::new));
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
