package io.openrsp.ca.cas;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.aead.AesGcmAead;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * DESIGN.md §5/§9 secrets at rest: the CI private key (PKCS#8, RFC 5958) sealed with AES-256-GCM under a data
 * key derived from the master key for {@value #PURPOSE}. The associated data binds the blob to its purpose and
 * to the CA certificate it belongs to:
 *
 * <pre>AAD = UTF-8(PURPOSE) || 0x00 || SHA-256(certificate DER)</pre>
 *
 * so a blob moved to another row or paired with another certificate does not open.
 */
public final class CaKeySealer {

    /** Key-hierarchy label of the CI signing key (FixedInfo of the KDF and the first part of the AAD). */
    public static final String PURPOSE = "openrsp/root-ca-service/ci-signing-key/v1";

    private final AesGcmAead aead;

    public CaKeySealer(MasterKey masterKey, SecureRandom random) {
        this.aead = new AesGcmAead(masterKey.deriveDataKey(PURPOSE), random);
    }

    /** The sealed PKCS#8 encoding of {@code key}, bound to {@code certificate}. */
    public byte[] seal(PrivateKey key, X509Certificate certificate) throws CryptoException {
        byte[] pkcs8 = key.getEncoded();
        try {
            return aead.encrypt(pkcs8, associatedData(certificate));
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
        byte[] pkcs8 = aead.decrypt(sealed, associatedData(certificate));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the sealed CA key is not an EC PKCS#8 key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] associatedData(X509Certificate certificate) throws CryptoException {
        try {
            var out = new ByteArrayOutputStream();
            out.writeBytes(PURPOSE.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot encode the CA certificate", e);
        }
    }

    @Override
    public String toString() {
        return "CaKeySealer[" + PURPOSE + "]";
    }
}
