package io.openrsp.smdp.inventory;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.aead.AesCbcHmacKey;
import io.openrsp.crypto.aead.AesCbcHmacSha256Aead;
import io.openrsp.crypto.kdf.OneStepKdf;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.rsp.id.Iccid;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * DESIGN.md §5 and §6: profile packages sealed at rest in the SM-DP inventory with AES-CBC + HMAC-SHA-256
 * (encrypt-then-MAC, {@link AesCbcHmacSha256Aead}), bound to their row by the ICCID.
 *
 * <pre>
 *   dataKey = MasterKey.deriveDataKey(PURPOSE)                              32 bytes (SP 800-56C one-step, HMAC)
 *   K       = OneStepKdf HMAC-SHA-256(Z = dataKey, FixedInfo = "AES_256_CBC_HMAC_SHA_256", L = 64)
 *           = MAC_KEY (32) || ENC_KEY (32)                                  AES-256-CBC, full 32-byte HMAC tag
 *   AAD     = UTF-8(PURPOSE) || 0x00 || ASCII(ICCID digits)
 *   sealed  = IV (16) || AES-CBC ciphertext || tag (32)
 * </pre>
 *
 * <p>Why 64 bytes: {@link MasterKey#deriveDataKey} gives 32, which as an {@link AesCbcHmacKey} would mean
 * AES-128 with a 16-byte tag; the second one-step derivation, labelled with the algorithm, stretches the purpose's
 * data key to the AES-256 variant, so profile keys at rest get the same 256-bit strength as every other secret of
 * the platform. A package copied to another ICCID's row, or sealed under another purpose or master key, does not
 * open. Immutable and thread-safe; {@link #toString()} is redacted.
 */
public final class ProfilePackageSealer {

    /** The key-hierarchy label of sealed profile packages. */
    public static final String PURPOSE = "openrsp/sm-dp-service/profile-packages/v1";

    private static final byte[] KEY_LABEL = "AES_256_CBC_HMAC_SHA_256".getBytes(StandardCharsets.US_ASCII);

    private final AesCbcHmacSha256Aead aead;
    private final byte[] purposePrefix;

    public ProfilePackageSealer(MasterKey masterKey, SecureRandom random) {
        this(masterKey, PURPOSE, random);
    }

    /** Under another purpose: for the test that shows purposes do not mix. */
    ProfilePackageSealer(MasterKey masterKey, String purpose, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        AesKey dataKey = masterKey.deriveDataKey(purpose);
        AesCbcHmacKey key = AesCbcHmacKey.of(
                OneStepKdf.hmacSha256().derive(dataKey.secret(), KEY_LABEL, AesCbcHmacKey.AES_256_KEY_BYTES));
        this.aead = new AesCbcHmacSha256Aead(key, Objects.requireNonNull(random, "random"));
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        this.purposePrefix = new byte[label.length + 1]; // the label, then the 0x00 separator
        System.arraycopy(label, 0, purposePrefix, 0, label.length);
    }

    /** Seals the DER profile package of {@code iccid}; the caller may wipe its array afterwards. */
    public byte[] seal(Iccid iccid, byte[] profilePackage) {
        return aead.encrypt(profilePackage, associatedData(iccid));
    }

    /**
     * Opens a package {@link #seal} made for the same ICCID.
     *
     * @throws CryptoException if the blob was altered or belongs to another ICCID, purpose or master key
     */
    public byte[] open(Iccid iccid, byte[] sealed) throws CryptoException {
        return aead.decrypt(sealed, associatedData(iccid));
    }

    private byte[] associatedData(Iccid iccid) {
        byte[] digits = iccid.digits().getBytes(StandardCharsets.US_ASCII);
        byte[] aad = new byte[purposePrefix.length + digits.length];
        System.arraycopy(purposePrefix, 0, aad, 0, purposePrefix.length);
        System.arraycopy(digits, 0, aad, purposePrefix.length, digits.length);
        return aad;
    }

    @Override
    public String toString() {
        return "ProfilePackageSealer[key redacted]";
    }
}
