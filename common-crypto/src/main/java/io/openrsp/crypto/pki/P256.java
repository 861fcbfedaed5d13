package io.openrsp.crypto.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * RFC 5480 §2: the only subject key this platform certifies is an EC key on the named curve secp256r1
 * (explicit curve parameters are refused, as RFC 5480 requires). The point is checked to be on the curve and
 * re-encoded uncompressed, so every certificate carries the same key encoding whatever the CSR used.
 */
final class P256 {

    private static final ECCurve CURVE =
            ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1).getCurve();
    private static final AlgorithmIdentifier ALGORITHM =
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);

    private P256() {}

    /** The normalised SubjectPublicKeyInfo of {@code key}, or a refusal if it is not a P-256 key. */
    static SubjectPublicKeyInfo require(PublicKey key) throws PkiException {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw notP256("the public key has no encoding", null);
        }
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(encoded);
        } catch (RuntimeException e) {
            throw notP256("the public key is not a SubjectPublicKeyInfo", e);
        }
        return require(spki);
    }

    /** The normalised SubjectPublicKeyInfo, or a refusal if it is not a P-256 key. */
    static SubjectPublicKeyInfo require(SubjectPublicKeyInfo spki) throws PkiException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())) {
            throw notP256("the public key is not an EC key", null);
        }
        ASN1Encodable parameters = spki.getAlgorithm().getParameters();
        if (parameters == null || !SECObjectIdentifiers.secp256r1.equals(parameters.toASN1Primitive())) {
            throw notP256("the EC public key is not on the named curve P-256", null);
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(spki.getPublicKeyData().getOctets());
        } catch (RuntimeException e) {
            throw notP256("the EC public key is not a valid P-256 point", e);
        }
        if (point.isInfinity() || !point.isValid()) {
            throw notP256("the EC public key is not a valid P-256 point", null);
        }
        return new SubjectPublicKeyInfo(ALGORITHM, point.getEncoded(false));
    }

    /** The JCA public key of a normalised P-256 SubjectPublicKeyInfo. */
    static PublicKey toPublicKey(SubjectPublicKeyInfo spki) throws PkiException {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(spki.getEncoded(ASN1Encoding.DER)));
        } catch (IOException | GeneralSecurityException e) {
            throw notP256("the EC public key cannot be decoded", e);
        }
    }

    private static PkiException notP256(String message, Throwable cause) {
        return new PkiException(PkiException.Reason.KEY_NOT_EC_P256, message, cause);
    }
}
