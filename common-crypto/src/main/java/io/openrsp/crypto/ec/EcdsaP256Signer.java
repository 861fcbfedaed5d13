package io.openrsp.crypto.ec;

import io.openrsp.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Objects;

/**
 * ECDSA signature generation on P-256 with SHA-256 (FIPS 186-5 §6.4.1, ANSI X9.62), the signature of
 * SGP.02 certificates, the EIS and the ES8 key establishment ({@code 5F37}).
 *
 * <p>Runs on the default EC provider (SunEC: constant-time scalar arithmetic) with the caller's {@link
 * SecureRandom} for the per-signature nonce k. The provider's DER output is re-encoded in the chosen
 * {@link EcdsaSignatureFormat}.
 *
 * <p>Thread-safe: a {@link Signature} is taken per call (it is not thread-safe, and creating one costs
 * little next to the scalar multiplication).
 */
public final class EcdsaP256Signer {

    private static final String ALGORITHM = "SHA256withECDSA";

    private final EcPrivateKey privateKey;
    private final EcdsaSignatureFormat format;
    private final SecureRandom random;

    public EcdsaP256Signer(EcPrivateKey privateKey, EcdsaSignatureFormat format, SecureRandom random) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.format = Objects.requireNonNull(format, "format");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The signature over SHA-256({@code data}) in this signer's format. */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        byte[] der;
        try {
            Signature signature = Signature.getInstance(ALGORITHM, P256.JCA_PROVIDER);
            signature.initSign(privateKey.jcaKey(), random);
            signature.update(data);
            der = signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing unavailable", e);
        }
        try {
            return format.encode(EcdsaSignature.fromDer(der));
        } catch (CryptoException e) {
            throw new IllegalStateException("EC provider produced a malformed signature", e);
        }
    }

    public EcdsaSignatureFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return "EcdsaP256Signer[" + format + ", private key redacted]";
    }
}
