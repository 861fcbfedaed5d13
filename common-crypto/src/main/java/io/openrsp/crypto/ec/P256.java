package io.openrsp.crypto.ec;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;

/**
 * The curve NIST P-256 (FIPS 186-5 / SP 800-186 §3.2.1.3, SEC 2 secp256r1) in the two forms this package
 * uses: Bouncy Castle's optimised curve (point arithmetic, validation) and the JCA parameters (SunEC keys).
 *
 * <p>Everything here is immutable or, for the {@link KeyFactory}, safe to share: {@code KeyFactory} only
 * serialises its provider fail-over, and SunEC's EC key factory keeps no state.
 */
final class P256 {

    /** Size of a field element and of a scalar, in bytes. */
    static final int FIELD_BYTES = 32;

    static final X9ECParameters BC_PARAMS = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = BC_PARAMS.getCurve();
    static final ECDomainParameters DOMAIN = new ECDomainParameters(BC_PARAMS);

    /** The field prime p. */
    static final BigInteger P = CURVE.getField().getCharacteristic();
    /** The order n of the base point (the cofactor is 1). */
    static final BigInteger N = BC_PARAMS.getN();

    static final BigInteger A = CURVE.getA().toBigInteger();
    static final BigInteger B = CURVE.getB().toBigInteger();

    /**
     * DER SubjectPublicKeyInfo header for an id-ecPublicKey (1.2.840.10045.2.1) on namedCurve prime256v1
     * (1.2.840.10045.3.1.7) with a 65-byte uncompressed point (RFC 5480 §2): DER is canonical, so every
     * such structure is exactly this header followed by the point.
     */
    static final byte[] SPKI_HEADER = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    static final KeyFactory KEY_FACTORY;
    /** The provider of {@link #KEY_FACTORY}; signatures and key pairs come from the same one. */
    static final Provider JCA_PROVIDER;

    static final ECParameterSpec JCA_PARAMS;

    static {
        try {
            KEY_FACTORY = KeyFactory.getInstance("EC");
            JCA_PROVIDER = KEY_FACTORY.getProvider();
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", JCA_PROVIDER);
            parameters.init(new ECGenParameterSpec("secp256r1"));
            JCA_PARAMS = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            // Java SE runtimes ship EC with secp256r1; without it this module cannot work at all.
            throw new ExceptionInInitializerError(e);
        }
    }

    private P256() {}

    /** Whether {@code spec} describes P-256 (compared by value: providers have their own spec classes). */
    static boolean isP256(ECParameterSpec spec) {
        return spec != null
                && spec.getCurve().getField() instanceof ECFieldFp field
                && field.getP().equals(P)
                && spec.getCurve().getA().equals(A)
                && spec.getCurve().getB().equals(B)
                && spec.getGenerator().equals(JCA_PARAMS.getGenerator())
                && spec.getOrder().equals(N)
                && spec.getCofactor() == 1;
    }

    /** Whether {@code 1 <= k <= n - 1}. */
    static boolean isValidScalar(BigInteger k) {
        return k.signum() > 0 && k.compareTo(N) < 0;
    }

    /** {@code 0 <= value < 2^256} as exactly {@link #FIELD_BYTES} big-endian bytes (leading zeros kept). */
    static byte[] toFixedBytes(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > FIELD_BYTES * 8) {
            throw new IllegalArgumentException("value does not fit in " + FIELD_BYTES + " bytes");
        }
        byte[] magnitude = value.toByteArray();
        byte[] out = new byte[FIELD_BYTES];
        int copy = Math.min(magnitude.length, FIELD_BYTES);
        System.arraycopy(magnitude, magnitude.length - copy, out, FIELD_BYTES - copy, copy);
        Arrays.fill(magnitude, (byte) 0); // may be a private scalar
        return out;
    }
}
