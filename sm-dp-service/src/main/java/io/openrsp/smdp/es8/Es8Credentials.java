package io.openrsp.smdp.es8;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DESIGN.md §2: the files ES8 needs, read on first use so that a context without them still starts. A missing or bad
 * file is an operator error: {@link IllegalStateException} naming the {@code openrsp.smdp.es8.*} setting.
 *
 * <ul>
 *   <li>The SM-DP identity (CERT.DP.ECDSA and its key) is re-read when either file changes, so a renewed TLS
 *       certificate (the same files by default) is used for ES8 too. A certificate and key that do not match (a
 *       renewal caught half-written) keep the previous identity until the pair is whole again.
 *   <li>The CI and EUM certificates are read once, on the first successful load.
 * </ul>
 */
final class Es8Credentials {

    private static final Logger log = LoggerFactory.getLogger(Es8Credentials.class);

    /** CERT.DP.ECDSA (DER) and its private key. */
    record SmDpIdentity(byte[] certificateDer, EcPrivateKey key) {

        @Override
        public String toString() {
            return "SmDpIdentity[key redacted]";
        }
    }

    /** The CI trust anchor and the EUM certificates under it. */
    record Trust(CertificatePaths paths, EumCertificates eums) {}

    private record Loaded(FileTime certificateTime, FileTime keyTime, SmDpIdentity identity) {}

    private final Es8Properties properties;
    private final Clock clock;
    private @Nullable Loaded identity;
    private @Nullable Trust trust;

    Es8Credentials(Es8Properties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized SmDpIdentity identity() {
        Loaded current = identity;
        FileTime certificateTime;
        FileTime keyTime;
        try {
            certificateTime = Files.getLastModifiedTime(properties.certificate());
            keyTime = Files.getLastModifiedTime(properties.privateKey());
        } catch (IOException e) {
            if (current != null) {
                return current.identity();
            }
            throw new IllegalStateException(
                    "openrsp.smdp.es8.certificate / private-key: cannot read "
                            + properties.certificate().toAbsolutePath() + " or "
                            + properties.privateKey().toAbsolutePath(),
                    e);
        }
        if (current != null
                && current.certificateTime().equals(certificateTime)
                && current.keyTime().equals(keyTime)) {
            return current.identity();
        }
        SmDpIdentity loaded;
        try {
            loaded = loadIdentity();
        } catch (IllegalStateException e) {
            if (current != null) {
                log.warn("ES8 keeps its previous SM-DP certificate: {}", e.getMessage());
                return current.identity();
            }
            throw e;
        }
        identity = new Loaded(certificateTime, keyTime, loaded);
        return loaded;
    }

    synchronized Trust trust() {
        Trust loaded = trust;
        if (loaded == null) {
            X509Certificate ci = readCertificate("openrsp.smdp.es8.ci-certificate", properties.ciCertificate());
            CertificatePaths paths;
            try {
                paths = CertificatePaths.trusting(ci, clock);
            } catch (PkiException e) {
                throw new IllegalStateException(
                        "openrsp.smdp.es8.ci-certificate: "
                                + properties.ciCertificate().toAbsolutePath() + " is not a CI root certificate ("
                                + e.reason() + ")",
                        e);
            }
            loaded = new Trust(paths, EumCertificates.load(properties.eumCertificates(), paths));
            trust = loaded;
        }
        return loaded;
    }

    private SmDpIdentity loadIdentity() {
        X509Certificate certificate = readCertificate("openrsp.smdp.es8.certificate", properties.certificate());
        Path keyFile = properties.privateKey();
        EcPrivateKey key;
        try {
            PrivateKey jca = Pem.readPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            if (!(jca instanceof ECPrivateKey ec)) {
                throw new IllegalStateException(
                        "openrsp.smdp.es8.private-key: " + keyFile.toAbsolutePath() + " is not an EC key");
            }
            key = EcPrivateKey.fromJca(ec);
        } catch (IOException | PkiException | CryptoException e) {
            throw new IllegalStateException(
                    "openrsp.smdp.es8.private-key: cannot read a P-256 private key from " + keyFile.toAbsolutePath(),
                    e);
        }
        try {
            EcPublicKey certified = EcPublicKey.fromJca((ECPublicKey) certificate.getPublicKey());
            if (!certified.equals(EcKeyPair.fromPrivateKey(key).publicKey())) {
                throw new IllegalStateException("openrsp.smdp.es8.private-key: " + keyFile.toAbsolutePath()
                        + " is not the key of " + properties.certificate().toAbsolutePath());
            }
            return new SmDpIdentity(certificate.getEncoded(), key);
        } catch (CryptoException | ClassCastException | CertificateEncodingException e) {
            throw new IllegalStateException(
                    "openrsp.smdp.es8.certificate: " + properties.certificate().toAbsolutePath()
                            + " does not hold a P-256 key",
                    e);
        }
    }

    private static X509Certificate readCertificate(String setting, Path file) {
        try {
            return Pem.readCertificate(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | PkiException e) {
            throw new IllegalStateException(
                    setting + ": cannot read a PEM certificate from " + file.toAbsolutePath(), e);
        }
    }
}
