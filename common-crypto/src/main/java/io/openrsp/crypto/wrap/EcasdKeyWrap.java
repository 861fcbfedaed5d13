package io.openrsp.crypto.wrap;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.aead.AesCbcHmacKey;
import io.openrsp.crypto.aead.AesCbcHmacSha256Aead;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.Ecka;
import io.openrsp.crypto.kdf.OneStepKdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * DESIGN.md §4 step 1: the SM-SR wraps the card's {@link CardKeyMaterial} for its ECASD key (PK.ECASD.ECKA,
 * from the ECASD certificate of the EIS), so that only the card holding SK.ECASD.ECKA can unwrap it.
 *
 * <p>Deviation (DESIGN.md §11): SGP.02 has the EUM personalise the ISD-R keys at manufacture; this
 * construction is the platform's own choice, an ECIES-like one-pass Diffie-Hellman (NIST SP 800-56A Rev 3
 * C(1e, 1s)) with standard parts:
 *
 * <pre>
 *   (eSK, ePK)  = fresh P-256 key pair                          (EcKeyPair.generate)
 *   Z           = ECKA(eSK, PK.ECASD)                            (x-coordinate, 32 bytes)
 *   FixedInfo   = UTF-8("openrsp-es1-keywrap-v1") || 0x00 || sharedInfo
 *   sharedInfo  = UTF-8(smsrId) || 0x00 || EID (16 BCD bytes)   ({@link #sharedInfo})
 *   K           = SP 800-56C Rev 2 one-step KDF, H = SHA-256, (Z, FixedInfo), 32 bytes
 *   C           = AES_128_CBC_HMAC_SHA_256 (RFC 7518 §5.2.3) under K, associated data = ePK
 *                 over CardKeyMaterial.encode()
 *   wrapped     = ePK (65 bytes, 04 || X || Y) || C             (C = IV 16 || E || T 16)
 * </pre>
 *
 * <p>Binding the SM-SR id and the EID into the KDF ties the blob to one registration; authenticating ePK
 * stops a changed ephemeral key. {@link #unwrap} validates ePK as a P-256 point and fails every way (short
 * input, bad point, wrong card key, changed byte, other sharedInfo, malformed plaintext) with one {@link
 * CryptoException}, {@value #FAILURE}.
 */
public final class EcasdKeyWrap {

    /** The label that starts the KDF's FixedInfo. */
    public static final String LABEL = "openrsp-es1-keywrap-v1";

    /** The message of every unwrap failure. */
    public static final String FAILURE = "key material does not open";

    private static final byte[] LABEL_BYTES = LABEL.getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = AesCbcHmacKey.AES_128_KEY_BYTES;
    private static final int TAG_BYTES = 16;
    private static final int MIN_WRAPPED =
            EcPublicKey.UNCOMPRESSED_BYTES + AesCbcHmacSha256Aead.IV_BYTES + 16 + TAG_BYTES;

    private EcasdKeyWrap() {}

    /** The sharedInfo both sides use: {@code UTF-8(smsrId) || 0x00 || eidBytes} (the EID's 16 BCD bytes). */
    public static byte[] sharedInfo(String smsrId, byte[] eidBytes) {
        Objects.requireNonNull(smsrId, "smsrId");
        Objects.requireNonNull(eidBytes, "eidBytes");
        byte[] id = smsrId.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(id, id.length + 1 + eidBytes.length);
        System.arraycopy(eidBytes, 0, out, id.length + 1, eidBytes.length);
        return out;
    }

    /** Wraps {@code material} for the card whose ECASD public key is {@code ecasdPublicKey}. */
    public static byte[] wrap(
            EcPublicKey ecasdPublicKey, CardKeyMaterial material, byte[] sharedInfo, SecureRandom random) {
        Objects.requireNonNull(ecasdPublicKey, "ecasdPublicKey");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(sharedInfo, "sharedInfo");
        Objects.requireNonNull(random, "random");
        EcKeyPair ephemeral = EcKeyPair.generate(random);
        byte[] ePk = ephemeral.publicKey().toUncompressed();
        AesCbcHmacSha256Aead aead = aead(new Ecka(ephemeral.privateKey(), random), ecasdPublicKey, sharedInfo, random);
        byte[] plaintext = material.encode();
        try {
            byte[] c = aead.encrypt(plaintext, ePk);
            byte[] out = Arrays.copyOf(ePk, ePk.length + c.length);
            System.arraycopy(c, 0, out, ePk.length, c.length);
            return out;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Unwraps, inside the card, what {@link #wrap} made for it.
     *
     * @param random feeds ECKA's scalar blinding
     * @throws CryptoException {@value #FAILURE}, whatever the cause
     */
    public static CardKeyMaterial unwrap(
            EcPrivateKey ecasdPrivateKey, byte[] wrapped, byte[] sharedInfo, SecureRandom random)
            throws CryptoException {
        Objects.requireNonNull(ecasdPrivateKey, "ecasdPrivateKey");
        Objects.requireNonNull(sharedInfo, "sharedInfo");
        Objects.requireNonNull(random, "random");
        if (wrapped == null || wrapped.length < MIN_WRAPPED) {
            throw failure();
        }
        byte[] plaintext = null;
        try {
            byte[] ePkBytes = Arrays.copyOf(wrapped, EcPublicKey.UNCOMPRESSED_BYTES);
            EcPublicKey ePk = EcPublicKey.fromUncompressed(ePkBytes);
            AesCbcHmacSha256Aead aead = aead(new Ecka(ecasdPrivateKey, random), ePk, sharedInfo, random);
            plaintext = aead.decrypt(Arrays.copyOfRange(wrapped, ePkBytes.length, wrapped.length), ePkBytes);
            return CardKeyMaterial.decode(plaintext);
        } catch (CryptoException | RuntimeException e) {
            // The cause is dropped on purpose: every failure must look the same to the caller.
            throw failure();
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static AesCbcHmacSha256Aead aead(Ecka ecka, EcPublicKey peer, byte[] sharedInfo, SecureRandom random) {
        SecretBytes z = ecka.computeSharedSecret(peer);
        byte[] fixedInfo = Arrays.copyOf(LABEL_BYTES, LABEL_BYTES.length + 1 + sharedInfo.length);
        System.arraycopy(sharedInfo, 0, fixedInfo, LABEL_BYTES.length + 1, sharedInfo.length);
        SecretBytes k = OneStepKdf.sha256().derive(z, fixedInfo, KEY_BYTES);
        z.destroy();
        try {
            return new AesCbcHmacSha256Aead(AesCbcHmacKey.of(k), random);
        } finally {
            k.destroy(); // the AEAD keeps its own copies
        }
    }

    private static CryptoException failure() {
        return new CryptoException(FAILURE);
    }
}
