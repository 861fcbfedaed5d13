package io.openrsp.ca.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Validates issued chains with Java's PKIX validator and, when installed, {@code openssl verify -crl_check}. */
public final class Chains {

    private Chains() {}

    public static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    public static X509CRL crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    /** Java PKIX with revocation checking against {@code crl} at {@code at}; throws if the path is invalid. */
    public static void pkixValidate(X509Certificate leaf, X509Certificate ci, X509CRL crl, Instant at)
            throws Exception {
        var factory = CertificateFactory.getInstance("X.509");
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ci, null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf)), parameters);
    }

    public static boolean opensslInstalled() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** Exit code of {@code openssl verify -CAfile ci -crl_check -CRLfile crl leaf}. */
    public static int opensslVerify(Path dir, String ciPem, byte[] crlDer, String leafPem) throws Exception {
        Path ci = Files.writeString(dir.resolve("ci.pem"), ciPem);
        String crlPem = "-----BEGIN X509 CRL-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(crlDer)
                + "\n-----END X509 CRL-----\n";
        Path crl = Files.writeString(dir.resolve("ci.crl"), crlPem);
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), leafPem);
        Process process = new ProcessBuilder(
                        "openssl",
                        "verify",
                        "-CAfile",
                        ci.toString(),
                        "-crl_check",
                        "-CRLfile",
                        crl.toString(),
                        leaf.toString())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl verify timed out");
        }
        return process.exitValue();
    }
}
