package io.openrsp.crypto.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test fixture shared with the services (common-crypto test-jar): a PKI made with {@link PkiBootstrap} in a temporary directory ({@code pki/}), a second, foreign
 * one ({@code foreign/}), client {@link SSLContext}s from their PEM files, and renewal of a certificate on disk.
 */
public final class TestPki {

    private static final char[] NO_PASSWORD = new char[0];

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    private TestPki(Path root) {
        this.root = root;
    }

    public static TestPki create() {
        try {
            TestPki pki = new TestPki(Files.createTempDirectory("openrsp-pki-"));
            PkiBootstrap bootstrap = PkiBootstrap.of(PkiBootstrap.Settings.defaults(), Clock.systemUTC(), pki.random);
            bootstrap.init(pki.root.resolve("pki"), false);
            bootstrap.init(pki.root.resolve("foreign"), false);
            return pki;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the platform's PKI, e.g. {@code sm-dp.crt}. */
    public Path file(String name) {
        return root.resolve("pki").resolve(name);
    }

    /** A TLS 1.3 client context presenting {@code entity}'s certificate and trusting the CI. */
    public SSLContext client(String entity) throws IOException, GeneralSecurityException {
        return context(root.resolve("pki"), entity);
    }

    /** A client context presenting {@code entity}'s certificate from the foreign PKI, trusting the real CI. */
    public SSLContext foreignClient(String entity) throws IOException, GeneralSecurityException {
        return context(root.resolve("foreign"), entity);
    }

    /** A TLS client context presenting the admin certificate. */
    public SSLContext adminClient() throws IOException, GeneralSecurityException {
        return client("admin");
    }

    /** A client context that presents no certificate. */
    public SSLContext anonymousClient() throws IOException, GeneralSecurityException {
        return context(null, null);
    }

    /**
     * Issues {@code entity} a new certificate (new key, new serial, same profile, subject and names) from the CI
     * and replaces its {@code .key} and {@code .crt} files, each by an atomic move.
     */
    public BigInteger renew(String entity) throws IOException, GeneralSecurityException {
        X509Certificate ci = Pem.readCertificate(read(file("ci.crt")));
        PrivateKey ciKey = Pem.readPrivateKey(read(file("ci.key")));
        X509Certificate old = Pem.readCertificate(read(file(entity + ".crt")));
        CertificateProfile profile = CertificateProfile.of(old).orElseThrow();
        KeyPair keys = newKeyPair();
        CertificateIssuer issuer = CertificateIssuer.withoutCrlDistributionPoint(
                CertificateAuthority.of(ci, KeyPairSigner.of(new KeyPair(ci.getPublicKey(), ciKey), random)));
        X509Certificate renewed = issuer.issue(new IssuanceRequest(
                keys.getPublic(),
                old.getSubjectX500Principal(),
                SubjectAltNames.dns("localhost").withIp("127.0.0.1"),
                profile,
                Validity.of(old.getNotBefore().toInstant(), Duration.ofDays(30)),
                SerialNumbers.random(random)));
        replace(file(entity + ".key"), Pem.encodePrivateKey(keys.getPrivate()));
        replace(file(entity + ".crt"), Pem.encodeCertificate(renewed));
        return renewed.getSerialNumber();
    }

    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private SSLContext context(Path directory, String entity) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ci", Pem.readCertificate(read(file("ci.crt"))));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        if (entity != null) {
            PrivateKey key = Pem.readPrivateKey(read(directory.resolve(entity + ".key")));
            X509Certificate certificate = Pem.readCertificate(read(directory.resolve(entity + ".crt")));
            identity.setKeyEntry(entity, key, NO_PASSWORD, new Certificate[] {certificate});
        }
        keyManagers.init(identity, NO_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), random);
        return context;
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.US_ASCII);
    }

    private static void replace(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".renew-", ".tmp");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
