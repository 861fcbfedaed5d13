package io.openrsp.crypto.ec;

import io.openrsp.crypto.CryptoException;

/** How an ECDSA signature travels: see {@link EcdsaSignature} for both encodings. Immutable (an enum). */
public enum EcdsaSignatureFormat {

    /** ANSI X9.62 {@code ECDSA-Sig-Value} in DER (X.509, CMS, TLS). */
    DER,

    /** {@code r || s}, 64 bytes (IEEE P1363; GlobalPlatform and SGP.02 tag {@code 5F37}). */
    RAW;

    byte[] encode(EcdsaSignature signature) {
        return switch (this) {
            case DER -> signature.toDer();
            case RAW -> signature.toRaw();
        };
    }

    EcdsaSignature decode(byte[] encoded) throws CryptoException {
        return switch (this) {
            case DER -> EcdsaSignature.fromDer(encoded);
            case RAW -> EcdsaSignature.fromRaw(encoded);
        };
    }
}
