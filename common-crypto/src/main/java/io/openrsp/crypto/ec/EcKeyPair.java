package io.openrsp.crypto.ec;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A P-256 key pair (SEC 1 v2 §3.2.1, FIPS 186-5 §A.2): a private key d and its public key Q = d·G.
 *
 * <p>Generation uses the default EC provider (SunEC: constant-time) with the caller's {@link SecureRandom};
 * derivation of Q from an imported d uses Bouncy Castle's fixed-point comb, whose table lookups are
 * constant-time.
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows only the public half.
 */
public final class EcKeyPair {

    private final EcPrivateKey privateKey;
    private final EcPublicKey publicKey;

    private EcKeyPair(EcPrivateKey privateKey, EcPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair (ephemeral keys of ES8 and ES1, card keys of the simulator). */
    public static EcKeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", P256.JCA_PROVIDER);
            generator.initialize(P256.JCA_PARAMS, random);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key pair generation unavailable", e);
        }
        var jcaPublic = (java.security.interfaces.ECPublicKey) pair.getPublic();
        var w = jcaPublic.getW();
        return new EcKeyPair(
                EcPrivateKey.fromGenerated((java.security.interfaces.ECPrivateKey) pair.getPrivate()),
                EcPublicKey.fromPoint(P256.CURVE.createPoint(w.getAffineX(), w.getAffineY())));
    }

    /** The pair of an imported private key, with Q = d·G computed from it. */
    public static EcKeyPair fromPrivateKey(EcPrivateKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        var q = new FixedPointCombMultiplier().multiply(P256.BC_PARAMS.getG(), privateKey.scalar());
        return new EcKeyPair(privateKey, EcPublicKey.fromPoint(q));
    }

    public EcPrivateKey privateKey() {
        return privateKey;
    }

    public EcPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "EcKeyPair[public=" + publicKey + ", private=redacted]";
    }
}
