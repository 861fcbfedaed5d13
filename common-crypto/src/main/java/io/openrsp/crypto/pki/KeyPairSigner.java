package io.openrsp.crypto.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Objects;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An in-memory {@link CertificateSigner} over a JCA EC P-256 key pair (RFC 5758 §3.2 SHA256withECDSA). The
 * pair is checked at construction: the key is P-256 and the private key signs what the public key verifies.
 * {@link #toString()} never shows the private key.
 */
public final class KeyPairSigner implements CertificateSigner {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final byte[] PROBE = "openrsp key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final SecureRandom random;

    private KeyPairSigner(PublicKey publicKey, PrivateKey privateKey, SecureRandom random) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.random = random;
    }

    /**
     * A signer over {@code keyPair}; {@code random} feeds ECDSA's per-signature nonce.
     *
     * @throws PkiException {@code KEY_NOT_EC_P256} if the key is not P-256, {@code ISSUER_INVALID} if the
     *     private key does not match the public key
     */
    public static KeyPairSigner of(KeyPair keyPair, SecureRandom random) throws PkiException {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(random, "random");
        PublicKey publicKey = Objects.requireNonNull(keyPair.getPublic(), "public key");
        PrivateKey privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key");
        P256.require(publicKey);
        requireMatching(publicKey, privateKey, random);
        return new KeyPairSigner(publicKey, privateKey, random);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public ContentSigner contentSigner() throws PkiException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setSecureRandom(random)
                    .build(privateKey);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "the signing key cannot sign", e);
        }
    }

    @Override
    public String toString() {
        return "KeyPairSigner[EC P-256, private key redacted]";
    }

    private static void requireMatching(PublicKey publicKey, PrivateKey privateKey, SecureRandom random)
            throws PkiException {
        boolean matches;
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(privateKey, random);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.ISSUER_INVALID, "the private key cannot sign with ECDSA", e);
        }
        if (!matches) {
            throw new PkiException(PkiException.Reason.ISSUER_INVALID, "the private key does not match the public key");
        }
    }
}
