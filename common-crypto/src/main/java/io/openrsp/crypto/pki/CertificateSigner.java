package io.openrsp.crypto.pki;

import java.security.PublicKey;
import org.bouncycastle.operator.ContentSigner;

/**
 * A signing handle for a CA (step-ca's {@code apiv1.CertificateAuthorityService} signer model): it signs
 * certificates and CRLs with SHA256withECDSA (RFC 5758 §3.2) and never hands out key bytes. Implementations
 * may hold a {@link java.security.PrivateKey} in memory ({@link KeyPairSigner}), a PKCS#11 key or a remote
 * KMS key.
 */
public interface CertificateSigner {

    /** The public key matching the signing key (an EC P-256 key). */
    PublicKey publicKey();

    /** A fresh single-use SHA256withECDSA signer. */
    ContentSigner contentSigner() throws PkiException;
}
