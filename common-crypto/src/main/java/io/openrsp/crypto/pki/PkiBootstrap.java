package io.openrsp.crypto.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * DESIGN.md §2 {@code rsp pki init <dir>}: a fresh PKI for local runs and compose, as PEM files.
 *
 * <table>
 * <caption>Files written</caption>
 * <tr><th>file</th><th>content</th></tr>
 * <tr><td>{@code ci.crt}, {@code ci.key}</td><td>the CI root and its key</td></tr>
 * <tr><td>{@code trust-bundle.pem}</td><td>the CI certificate: what every service trusts</td></tr>
 * <tr><td>{@code ci.crl}</td><td>an empty CRL (number 1) valid for {@link Settings#crlValidity()}</td></tr>
 * <tr><td>{@code sm-dp}, {@code sm-sr}</td><td>SM_DP / SM_SR: TLS server+client, SAN = compose name,
 *     localhost, 127.0.0.1</td></tr>
 * <tr><td>{@code root-ca-service}, {@code euicc-simulator}</td><td>TLS_SERVER, same SANs</td></tr>
 * <tr><td>{@code eum}</td><td>the EUM CA (pathLen 0) the simulator's factory signs ECASD certificates with</td></tr>
 * <tr><td>{@code eum-client}</td><td>EUM_CLIENT: the factory's ES1 TLS client identity (role EUM)</td></tr>
 * <tr><td>{@code operator-1}, {@code admin}</td><td>OPERATOR and ADMIN TLS client certificates</td></tr>
 * </table>
 *
 * <p>Each {@code <name>.crt} holds the certificate alone (every peer trusts the CI directly);
 * {@code <name>.key} is its unencrypted PKCS#8 key. Key files, {@code ci.key} included, are created with
 * permissions 0600 (owner read/write) where the file system is POSIX; this is for local runs, where the
 * root-ca-service imports {@code ci.key} as it is, and a production CI key belongs in a KMS or sealed at rest.
 * Each file is written to a temporary file and moved into place. An existing PKI (any of these files) is
 * replaced only when asked to.
 */
public final class PkiBootstrap {

    /** Start of validity is set back this much to tolerate clock skew between containers. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final Set<PosixFilePermission> SECRET_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private static final List<Entity> ENTITIES = List.of(
            server("sm-dp", CertificateProfile.SM_DP, "CN=SM-DP-1,O=OpenRSP", "sm-dp-service"),
            server("sm-sr", CertificateProfile.SM_SR, "CN=SM-SR-1,O=OpenRSP", "sm-sr-service"),
            server("root-ca-service", CertificateProfile.TLS_SERVER, "CN=root-ca-service,O=OpenRSP", "root-ca-service"),
            server("euicc-simulator", CertificateProfile.TLS_SERVER, "CN=euicc-simulator,O=OpenRSP", "euicc-simulator"),
            client("eum", CertificateProfile.EUM, "CN=EUM-1,O=OpenRSP"),
            client("eum-client", CertificateProfile.EUM_CLIENT, "CN=EUM-1 ES1 client,O=OpenRSP"),
            client("operator-1", CertificateProfile.OPERATOR, "CN=Operator-1,O=OpenRSP"),
            client("admin", CertificateProfile.ADMIN, "CN=Admin-1,O=OpenRSP"));

    /** What a bootstrap may vary. */
    public record Settings(X500Principal ciSubject, URI crlDistributionPoint, Duration crlValidity) {

        public Settings {
            Objects.requireNonNull(ciSubject, "ciSubject");
            Objects.requireNonNull(crlDistributionPoint, "crlDistributionPoint");
            Objects.requireNonNull(crlValidity, "crlValidity");
        }

        /**
         * CI {@code CN=OpenRSP CI,O=OpenRSP}; CRL published by the root-ca-service at
         * {@code https://root-ca-service:8440/crl}; the bootstrap CRL is valid 30 days (the root-ca-service
         * publishes fresh ones once it runs).
         */
        public static Settings defaults() {
            return new Settings(
                    new X500Principal("CN=OpenRSP CI,O=OpenRSP"),
                    URI.create("https://root-ca-service:8440/crl"),
                    Duration.ofDays(30));
        }
    }

    /** The files written, in writing order. */
    public record Result(Path directory, List<Path> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random;

    private PkiBootstrap(Settings settings, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    public static PkiBootstrap of(Settings settings, Clock clock, SecureRandom random) {
        return new PkiBootstrap(
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"));
    }

    /** The names of the entities ({@code <name>.crt}, {@code <name>.key}) besides the CI. */
    public static List<String> entityNames() {
        return ENTITIES.stream().map(Entity::name).toList();
    }

    /**
     * Creates the PKI in {@code directory} (created if missing).
     *
     * @throws PkiException {@code PKI_EXISTS} naming the first existing file when {@code force} is false;
     *     {@code IO_FAILED} when a file cannot be written
     */
    public Result init(Path directory, boolean force) throws PkiException {
        Objects.requireNonNull(directory, "directory");
        Map<String, String> files = generate();
        if (!force) {
            for (String name : files.keySet()) {
                if (Files.exists(directory.resolve(name))) {
                    throw new PkiException(
                            PkiException.Reason.PKI_EXISTS,
                            directory.resolve(name) + " already exists; use force to replace the PKI");
                }
            }
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PkiException(PkiException.Reason.IO_FAILED, "cannot create " + directory, e);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            write(target, file.getValue(), file.getKey().endsWith(".key"));
            written.add(target);
        }
        return new Result(directory, written);
    }

    /** All file contents, generated in memory before anything is written. */
    private Map<String, String> generate() throws PkiException {
        Instant notBefore = clock.instant().minus(BACKDATE);
        KeyPair ciKeys = newKeyPair();
        CertificateAuthority ci = CertificateAuthority.createRoot(
                settings.ciSubject(),
                Validity.of(notBefore, CertificateProfile.CI.maxValidity()),
                KeyPairSigner.of(ciKeys, random),
                random);
        CertificateIssuer issuer = CertificateIssuer.of(ci, settings.crlDistributionPoint());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ci.crt", Pem.encodeCertificate(ci.certificate()));
        files.put("ci.key", Pem.encodePrivateKey(ciKeys.getPrivate()));
        files.put("trust-bundle.pem", Pem.encodeCertificate(ci.certificate()));
        Instant now = clock.instant();
        files.put(
                "ci.crl",
                Pem.encodeCrl(
                        CrlBuilder.of(ci).build(BigInteger.ONE, now, now.plus(settings.crlValidity()), List.of())));
        for (Entity entity : ENTITIES) {
            KeyPair keys = newKeyPair();
            X509Certificate certificate = issuer.issue(new IssuanceRequest(
                    keys.getPublic(),
                    new X500Principal(entity.subject()),
                    entity.subjectAltNames(),
                    entity.profile(),
                    Validity.of(notBefore, entity.profile().maxValidity()),
                    SerialNumbers.random(random)));
            files.put(entity.name() + ".crt", Pem.encodeCertificate(certificate));
            files.put(entity.name() + ".key", Pem.encodePrivateKey(keys.getPrivate()));
        }
        return files;
    }

    private KeyPair newKeyPair() throws PkiException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "cannot generate an EC P-256 key pair", e);
        }
    }

    /** Writes to a temporary file in the same directory (0600 from the start for keys), then moves it. */
    private static void write(Path target, String content, boolean secret) throws PkiException {
        Path directory = target.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = null;
        try {
            temporary = posix
                    ? Files.createTempFile(
                            directory, ".pki-", ".tmp", PosixFilePermissions.asFileAttribute(SECRET_FILE))
                    : Files.createTempFile(directory, ".pki-", ".tmp");
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            if (posix && !secret) {
                Files.setPosixFilePermissions(temporary, PUBLIC_FILE);
            }
            move(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new PkiException(PkiException.Reason.IO_FAILED, "cannot write " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The write already failed; that failure is what the caller needs to see.
        }
    }

    private record Entity(String name, CertificateProfile profile, String subject, SubjectAltNames subjectAltNames) {}

    private static Entity server(String name, CertificateProfile profile, String subject, String composeName) {
        SubjectAltNames names =
                SubjectAltNames.dns(composeName).withDns("localhost").withIp("127.0.0.1");
        return new Entity(name, profile, subject, names);
    }

    private static Entity client(String name, CertificateProfile profile, String subject) {
        return new Entity(name, profile, subject, SubjectAltNames.none());
    }
}
