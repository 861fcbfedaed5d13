package io.openrsp.crypto.seal;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.aead.AesGcmAead;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * DESIGN.md §5 and §9 secrets at rest: seals one kind of secret (one purpose) with AES-256-GCM under the data
 * key the {@link MasterKey} derives for that purpose. The associated data binds each blob to its purpose and
 * to a caller-chosen context (the row it belongs to: an EID, a certificate hash):
 *
 * <pre>
 *   key    = MasterKey.deriveDataKey(purpose)
 *   AAD    = UTF-8(purpose) || 0x00 || context
 *   sealed = IV (12) || C || T (16)                    (AesGcmAead)
 * </pre>
 *
 * <p>A blob opened with another purpose, another context or another master key fails with the AEAD's one
 * {@link CryptoException}, so a sealed value copied to another row does not open there. Immutable and
 * thread-safe.
 */
public final class Sealer {

    private final String purpose;
    private final byte[] purposePrefix;
    private final AesGcmAead aead;

    /**
     * @param purpose the key-hierarchy label, e.g. {@code openrsp/sm-sr-service/card-keys/v1}
     * @param random supplies the IVs
     */
    public Sealer(MasterKey masterKey, String purpose, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        this.purposePrefix = new byte[label.length + 1];
        System.arraycopy(label, 0, purposePrefix, 0, label.length); // followed by the 0x00 separator
        this.aead = new AesGcmAead(masterKey.deriveDataKey(purpose), Objects.requireNonNull(random, "random"));
    }

    /** Seals {@code plaintext} for {@code context} (null means empty); the caller may wipe its array after. */
    public byte[] seal(byte[] plaintext, byte[] context) {
        return aead.encrypt(plaintext, associatedData(context));
    }

    /**
     * Opens a blob {@link #seal} made for the same purpose and context.
     *
     * @throws CryptoException if the blob was altered, or belongs to another context, purpose or master key
     */
    public byte[] open(byte[] sealed, byte[] context) throws CryptoException {
        return aead.decrypt(sealed, associatedData(context));
    }

    public String purpose() {
        return purpose;
    }

    private byte[] associatedData(byte[] context) {
        int contextLength = context == null ? 0 : context.length;
        byte[] aad = new byte[purposePrefix.length + contextLength];
        System.arraycopy(purposePrefix, 0, aad, 0, purposePrefix.length);
        if (contextLength > 0) {
            System.arraycopy(context, 0, aad, purposePrefix.length, contextLength);
        }
        return aad;
    }

    @Override
    public String toString() {
        return "Sealer[" + purpose + ", key redacted]";
    }
}
