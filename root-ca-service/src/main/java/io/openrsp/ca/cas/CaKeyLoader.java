package io.openrsp.ca.cas;

import io.openrsp.ca.config.CaProperties;
import io.openrsp.ca.store.CaKeyStore;
import io.openrsp.ca.store.CaKeyStore.StoredCaKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.Validity;
import io.openrsp.crypto.seal.MasterKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GSMA SGP.02 v4.2 §2.3 CI root, brought up on start: opened from its sealed row; else imported from PEM
 * files ({@code rsp pki init}'s ci.crt / ci.key) when configured; else created (ECDSA P-256, SHA-256). An
 * imported or created key is sealed and stored before it is used. Logs name the CA, never its key.
 */
public final class CaKeyLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CaKeyLoader.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CaKeyStore store;
    private final CaKeySealer sealer;
    private final CaProperties properties;
    private final Clock clock;
    private final SecureRandom random;

    public CaKeyLoader(
            CaKeyStore store, CaKeySealer sealer, CaProperties properties, Clock clock, SecureRandom random) {
        this.store = store;
        this.sealer = sealer;
        this.properties = properties;
        this.clock = clock;
        this.random = random;
    }

    public CertificateAuthority load() throws GeneralSecurityException {
        Optional<StoredCaKey> stored = store.find(CaKeySealer.PURPOSE);
        if (stored.isPresent()) {
            X509Certificate certificate = certificate(stored.get().certificateDer());
            PrivateKey key;
            try {
                key = sealer.unseal(stored.get().sealedKey(), certificate);
            } catch (CryptoException e) {
                throw new IllegalStateException(
                        "the stored CA key does not open with this master key (" + MasterKey.ENV + ")", e);
            }
            CertificateAuthority ca = authority(certificate, key);
            LOG.info("CI loaded: {}", certificate.getSubjectX500Principal().getName());
            return ca;
        }
        CertificateAuthority ca = properties.importCertificate() != null ? importCa() : createCa();
        return ca;
    }

    private CertificateAuthority importCa() throws GeneralSecurityException {
        X509Certificate certificate = Pem.readCertificate(read(properties.importCertificate()));
        PrivateKey key = Pem.readPrivateKey(read(properties.importKey()));
        CertificateAuthority ca = authority(certificate, key);
        if (ca.profile() != CertificateProfile.CI) {
            throw new IllegalStateException("openrsp.ca.import-certificate is not a self-signed CI certificate");
        }
        persist(certificate, key);
        LOG.info("CI imported: {}", certificate.getSubjectX500Principal().getName());
        return ca;
    }

    private CertificateAuthority createCa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keyPair = generator.generateKeyPair();
        Validity validity = Validity.of(clock.instant().minus(CLOCK_SKEW), properties.ciValidity());
        CertificateAuthority ca = CertificateAuthority.createRoot(
                new X500Principal(properties.ciSubject()), validity, KeyPairSigner.of(keyPair, random), random);
        persist(ca.certificate(), keyPair.getPrivate());
        LOG.info("CI created: {}", ca.certificate().getSubjectX500Principal().getName());
        return ca;
    }

    private void persist(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        store.insert(
                CaKeySealer.PURPOSE,
                new StoredCaKey(certificate.getEncoded(), sealer.seal(key, certificate)),
                clock.instant());
    }

    private CertificateAuthority authority(X509Certificate certificate, PrivateKey key) throws PkiException {
        return CertificateAuthority.of(
                certificate, KeyPairSigner.of(new KeyPair(certificate.getPublicKey(), key), random));
    }

    private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
