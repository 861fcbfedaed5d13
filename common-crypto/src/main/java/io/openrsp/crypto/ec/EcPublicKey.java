package io.openrsp.crypto.ec;

import io.openrsp.crypto.CryptoException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A public key on NIST P-256: a point Q validated per NIST SP 800-56A Rev 3 §5.6.2.3.3 (ECC full public key
 * validation): not the point at infinity, both coordinates in [0, p - 1], on the curve. P-256 has cofactor
 * 1, so every such point lies in the prime-order subgroup and the "n·Q = O" step of the full validation
 * holds without computing it. Every instance is valid: parsing is the only way in.
 *
 * <p>Encodings: the uncompressed point {@code 04 || X || Y} (SEC 1 v2 §2.3.3, BSI TR-03111 §3.2.1, 65
 * bytes; GlobalPlatform and SGP.02 tag {@code B0}) and the X.509 SubjectPublicKeyInfo (RFC 5480,
 * namedCurve only). Compressed points are not accepted (SGP.02 never sends them).
 *
 * <p>Immutable and thread-safe; equal when the encodings are equal.
 */
public final class EcPublicKey {

    /** Length of the uncompressed encoding {@code 04 || X || Y}. */
    public static final int UNCOMPRESSED_BYTES = 1 + 2 * P256.FIELD_BYTES;

    private static final byte UNCOMPRESSED = 0x04;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] encoded;
    private final ECPoint point;

    private EcPublicKey(byte[] encoded, ECPoint point) {
        this.encoded = encoded;
        this.point = point;
    }

    /**
     * Parses and validates an uncompressed point {@code 04 || X || Y}.
     *
     * @throws CryptoException if the encoding is not 65 bytes starting {@code 04}, a coordinate is not below
     *     p, or the point is not on P-256
     */
    public static EcPublicKey fromUncompressed(byte[] encoded) throws CryptoException {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 1 && encoded[0] == 0) {
            throw invalid("point at infinity");
        }
        if (encoded.length != UNCOMPRESSED_BYTES) {
            throw invalid("expected " + UNCOMPRESSED_BYTES + " bytes, got " + encoded.length);
        }
        if (encoded[0] != UNCOMPRESSED) {
            throw invalid(String.format("expected uncompressed point (04), got %02x", encoded[0] & 0xff));
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + P256.FIELD_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + P256.FIELD_BYTES, UNCOMPRESSED_BYTES));
        return fromCoordinates(x, y);
    }

    /**
     * Parses a DER SubjectPublicKeyInfo holding an id-ecPublicKey on namedCurve prime256v1 with an
     * uncompressed point (RFC 5480), and validates the point.
     *
     * @throws CryptoException if the structure is anything else (the message gives the first differing
     *     offset) or the point is invalid
     */
    public static EcPublicKey fromSubjectPublicKeyInfo(byte[] der) throws CryptoException {
        Objects.requireNonNull(der, "der");
        // DER is canonical: for this algorithm, curve and point form the header is a constant.
        int header = P256.SPKI_HEADER.length;
        int mismatch = Arrays.mismatch(der, 0, Math.min(der.length, header), P256.SPKI_HEADER, 0, header);
        if (mismatch >= 0 || der.length != header + UNCOMPRESSED_BYTES) {
            int offset = mismatch >= 0 ? mismatch : Math.min(der.length, header + UNCOMPRESSED_BYTES);
            throw invalid("not a DER SubjectPublicKeyInfo for an uncompressed P-256 point (offset " + offset + ")");
        }
        return fromUncompressed(Arrays.copyOfRange(der, header, der.length));
    }

    /**
     * Takes a JCA public key (from a certificate, a key store, another provider) after checking that its
     * curve is P-256 and validating its point.
     *
     * @throws CryptoException if the curve is not P-256 or the point is invalid
     */
    public static EcPublicKey fromJca(java.security.interfaces.ECPublicKey key) throws CryptoException {
        Objects.requireNonNull(key, "key");
        if (!P256.isP256(key.getParams())) {
            throw invalid("curve is not P-256");
        }
        java.security.spec.ECPoint w = key.getW();
        if (java.security.spec.ECPoint.POINT_INFINITY.equals(w)) {
            throw invalid("point at infinity");
        }
        return fromCoordinates(w.getAffineX(), w.getAffineY());
    }

    /** The uncompressed encoding {@code 04 || X || Y} (a copy). */
    public byte[] toUncompressed() {
        return encoded.clone();
    }

    /** The DER SubjectPublicKeyInfo (RFC 5480, namedCurve prime256v1, uncompressed point). */
    public byte[] toSubjectPublicKeyInfo() {
        byte[] der = Arrays.copyOf(P256.SPKI_HEADER, P256.SPKI_HEADER.length + UNCOMPRESSED_BYTES);
        System.arraycopy(encoded, 0, der, P256.SPKI_HEADER.length, UNCOMPRESSED_BYTES);
        return der;
    }

    /** The key as a JCA {@code ECPublicKey} of the default EC provider (for certificate builders, TLS). */
    public java.security.interfaces.ECPublicKey toJca() {
        var w = new java.security.spec.ECPoint(
                point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
        try {
            return (java.security.interfaces.ECPublicKey)
                    P256.KEY_FACTORY.generatePublic(new ECPublicKeySpec(w, P256.JCA_PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC provider rejected a validated P-256 point", e);
        }
    }

    /** The validated point in Bouncy Castle's form (affine, normalised). */
    ECPoint point() {
        return point;
    }

    /** Wraps a point this package computed itself (key generation, d·G); validates it all the same. */
    static EcPublicKey fromPoint(ECPoint point) {
        ECPoint normalized = point.normalize();
        try {
            return fromCoordinates(
                    normalized.getAffineXCoord().toBigInteger(),
                    normalized.getAffineYCoord().toBigInteger());
        } catch (CryptoException e) {
            throw new IllegalStateException("computed point is not a valid P-256 public key", e);
        }
    }

    private static EcPublicKey fromCoordinates(BigInteger x, BigInteger y) throws CryptoException {
        if (x.signum() < 0 || x.compareTo(P256.P) >= 0) {
            throw invalid("x coordinate not in [0, p - 1]");
        }
        if (y.signum() < 0 || y.compareTo(P256.P) >= 0) {
            throw invalid("y coordinate not in [0, p - 1]");
        }
        // y^2 = x^3 + a·x + b (mod p)
        BigInteger left = y.multiply(y).mod(P256.P);
        BigInteger right = x.multiply(x).add(P256.A).multiply(x).add(P256.B).mod(P256.P);
        if (!left.equals(right)) {
            throw invalid("point not on curve P-256");
        }
        byte[] encoded = new byte[UNCOMPRESSED_BYTES];
        encoded[0] = UNCOMPRESSED;
        System.arraycopy(P256.toFixedBytes(x), 0, encoded, 1, P256.FIELD_BYTES);
        System.arraycopy(P256.toFixedBytes(y), 0, encoded, 1 + P256.FIELD_BYTES, P256.FIELD_BYTES);
        return new EcPublicKey(encoded, P256.CURVE.createPoint(x, y));
    }

    private static CryptoException invalid(String reason) {
        return new CryptoException("invalid EC public key: " + reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcPublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "EcPublicKey[P-256, " + HEX.formatHex(encoded) + "]";
    }
}
