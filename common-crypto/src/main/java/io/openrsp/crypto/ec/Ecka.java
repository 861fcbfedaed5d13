package io.openrsp.crypto.ec;

import io.openrsp.crypto.SecretBytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECKA-DH, elliptic curve key agreement, on P-256: BSI TR-03111 §4.3 (ECKA), equal (cofactor 1) to the
 * NIST SP 800-56A Rev 3 §5.7.1.2 ECC CDH primitive. ShS = x-coordinate of d·Q as 32 big-endian bytes,
 * leading zero bytes kept (FE2OS of TR-03111 §3.1.3). Used by SGP.02 ES8 key establishment (ShS from
 * ePK.DP and SK.ECASD) and by the ES1 key wrapping.
 *
 * <p>Peer key validation (SP 800-56A §5.6.2.3.3) is done once, when the {@link EcPublicKey} is parsed: an
 * invalid peer point never becomes an {@code EcPublicKey}, so it never reaches this class.
 *
 * <p>Engine (deviation from the module's "prefer SunEC" rule, measured as in the package notes): SunEC is
 * about 4 times slower here (its {@code doPhase}, which validates the peer key again, alone takes half of
 * that). This class uses Bouncy Castle's optimised P-256 with a w-NAF multiplication instead. w-NAF is not
 * constant-time, so the scalar is blinded on every call (Coron 1999): the point is multiplied by d + r·n with
 * a fresh 64-bit r, which gives the same point (n·Q = O) while the digits that drive the timing change from
 * call to call.
 *
 * <p>Thread-safe (the {@link SecureRandom} is).
 */
public final class Ecka {

    private static final int BLINDING_BITS = 64;

    private final EcPrivateKey privateKey;
    private final SecureRandom random;

    /** Agreement with {@code privateKey}; {@code random} feeds the scalar blinding. */
    public Ecka(EcPrivateKey privateKey, SecureRandom random) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The shared secret ShS (32 bytes) with the peer's public key. */
    public SecretBytes computeSharedSecret(EcPublicKey peer) {
        Objects.requireNonNull(peer, "peer");
        BigInteger blinded = privateKey.scalar().add(new BigInteger(BLINDING_BITS, random).multiply(P256.N));
        ECPoint shared = peer.point().multiply(blinded).normalize();
        if (shared.isInfinity()) {
            // Impossible for a validated peer point and 1 <= d <= n - 1 on a prime-order curve.
            throw new IllegalStateException("ECKA produced the point at infinity");
        }
        byte[] x = shared.getAffineXCoord().getEncoded();
        try {
            return SecretBytes.copyOf(x);
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Ecka[P-256, private key redacted]";
    }
}
