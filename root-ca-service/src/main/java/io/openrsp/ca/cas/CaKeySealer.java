package io.openrsp.ca.cas;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.crypto.seal.Sealer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * DESIGN.md §5/§9 secrets at rest: the CI private key (PKCS#8, RFC 5958) sealed by a {@link Sealer} for
 * {@value #PURPOSE} (AES-256-GCM under a data key derived from the master key for that purpose), with the
 * SHA-256 of the CA certificate it belongs to as context:
 *
 * <pre>AAD = UTF-8(PURPOSE) || 0x00 || SHA-256(certificate DER)</pre>
 *
 * so a blob moved to another row or paired with another certificate does not open. (Blobs sealed before the
 * Sealer existed used exactly this key and AAD, and still open.)
 */
public final class CaKeySealer {

    /** Key-hierarchy label of the CI signing key (FixedInfo of the KDF and the first part of the AAD). */
    public static final String PURPOSE = "openrsp/root-ca-service/ci-signing-key/v1";

    private final Sealer sealer;

    public CaKeySealer(MasterKey masterKey, SecureRandom random) {
        this.sealer = new Sealer(masterKey, PURPOSE, random);
    }

    /** The sealed PKCS#8 encoding of {@code key}, bound to {@code certificate}. */
    public byte[] seal(PrivateKey key, X509Certificate certificate) throws CryptoException {
        byte[] pkcs8 = key.getEncoded();
        try {
            return sealer.seal(pkcs8, context(certificate));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Opens a blob made by {@link #seal} for the same certificate.
     *
     * @throws CryptoException if the blob was altered, belongs to another certificate or another master key
     */
    public PrivateKey unseal(byte[] sealed, X509Certificate certificate) throws CryptoException {
        byte[] pkcs8 = sealer.open(sealed, context(certificate));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the sealed CA key is not an EC PKCS#8 key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** SHA-256 of the certificate's DER encoding. */
    private static byte[] context(X509Certificate certificate) throws CryptoException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot encode the CA certificate", e);
        }
    }

    @Override
    public String toString() {
        return "CaKeySealer[" + PURPOSE + "]";
    }
}
