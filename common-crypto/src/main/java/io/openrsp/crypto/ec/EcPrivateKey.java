package io.openrsp.crypto.ec;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private key on NIST P-256: a scalar d with 1 &lt;= d &lt;= n - 1 (SEC 1 v2 §3.2.1, BSI TR-03111
 * §3.2.1), held as a JCA key handle of the default EC provider (used by {@link EcdsaP256Signer}) and as the
 * scalar (used by {@link Ecka}).
 *
 * <p>Bytes come out only through {@link #toScalar} and {@link #toPkcs8}, which take a {@link
 * SecretKeyAccess} so that every export is easy to find. Imports wipe the caller's bytes they copied; the
 * JCA key and the {@link BigInteger} keep the scalar for the life of this object (neither can be wiped).
 *
 * <p>Immutable and thread-safe; {@link #toString()} is redacted.
 */
public final class EcPrivateKey {

    private final java.security.interfaces.ECPrivateKey jcaKey;
    private final BigInteger d;

    private EcPrivateKey(java.security.interfaces.ECPrivateKey jcaKey, BigInteger d) {
        this.jcaKey = jcaKey;
        this.d = d;
    }

    /**
     * The key with scalar {@code scalar}: 32 bytes, big-endian (the SEC 1 / GlobalPlatform form).
     *
     * @throws CryptoException if the scalar is not 32 bytes or not in [1, n - 1]
     */
    public static EcPrivateKey fromScalar(SecretBytes scalar) throws CryptoException {
        Objects.requireNonNull(scalar, "scalar");
        if (scalar.length() != P256.FIELD_BYTES) {
            throw invalid("scalar must be " + P256.FIELD_BYTES + " bytes, not " + scalar.length());
        }
        byte[] bytes = scalar.toByteArray(SecretKeyAccess.get());
        try {
            return fromValidScalar(checkScalar(new BigInteger(1, bytes)));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Parses a PKCS#8 PrivateKeyInfo (RFC 5208 / RFC 5915) holding an EC key on P-256.
     *
     * @throws CryptoException if the bytes are not such a structure or the scalar is out of range
     */
    public static EcPrivateKey fromPkcs8(SecretBytes der) throws CryptoException {
        Objects.requireNonNull(der, "der");
        byte[] bytes = der.toByteArray(SecretKeyAccess.get());
        PrivateKey key;
        try {
            key = P256.KEY_FACTORY.generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK's DER parser may throw unchecked exceptions on hostile input: all mean "malformed".
            throw invalid("malformed PKCS#8 structure");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (!(key instanceof java.security.interfaces.ECPrivateKey ecKey)) {
            throw invalid("PKCS#8 does not hold an EC key");
        }
        return fromJca(ecKey);
    }

    /**
     * Takes a JCA private key (from a key store or PEM file) after checking its curve and scalar.
     *
     * @throws CryptoException if the curve is not P-256 or the scalar is out of range
     */
    public static EcPrivateKey fromJca(java.security.interfaces.ECPrivateKey key) throws CryptoException {
        Objects.requireNonNull(key, "key");
        if (!P256.isP256(key.getParams())) {
            throw invalid("curve is not P-256");
        }
        return fromValidScalar(checkScalar(key.getS()));
    }

    /** Wraps a key pair half this package generated itself. */
    static EcPrivateKey fromGenerated(java.security.interfaces.ECPrivateKey key) {
        return new EcPrivateKey(key, key.getS());
    }

    /** The scalar d as 32 big-endian bytes. */
    public SecretBytes toScalar(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        byte[] bytes = P256.toFixedBytes(d);
        try {
            return SecretBytes.copyOf(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The key as a DER PKCS#8 PrivateKeyInfo, as the default EC provider encodes it. */
    public SecretBytes toPkcs8(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        byte[] bytes = jcaKey.getEncoded();
        try {
            return SecretBytes.copyOf(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The JCA key handle, for APIs that need one (TLS key managers, certificate signers). */
    public java.security.interfaces.ECPrivateKey toJca(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return jcaKey;
    }

    java.security.interfaces.ECPrivateKey jcaKey() {
        return jcaKey;
    }

    BigInteger scalar() {
        return d;
    }

    private static BigInteger checkScalar(BigInteger d) throws CryptoException {
        if (!P256.isValidScalar(d)) {
            throw invalid("scalar not in [1, n - 1]");
        }
        return d;
    }

    private static EcPrivateKey fromValidScalar(BigInteger d) {
        try {
            var key = (java.security.interfaces.ECPrivateKey)
                    P256.KEY_FACTORY.generatePrivate(new ECPrivateKeySpec(d, P256.JCA_PARAMS));
            return new EcPrivateKey(key, d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC provider rejected a valid P-256 scalar", e);
        }
    }

    private static CryptoException invalid(String reason) {
        return new CryptoException("invalid EC private key: " + reason);
    }

    @Override
    public String toString() {
        return "EcPrivateKey[P-256, redacted]";
    }
}
