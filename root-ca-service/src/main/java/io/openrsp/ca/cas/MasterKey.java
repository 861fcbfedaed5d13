package io.openrsp.ca.cas;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.kdf.OneStepKdf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * DESIGN.md §5 at-rest key hierarchy: the 32-byte master key given by the operator, from which one AES-256
 * data key is derived per purpose with the NIST SP 800-56C r2 one-step KDF (HMAC-SHA-256, FixedInfo = the
 * purpose label in UTF-8). The master key itself never encrypts anything.
 */
public final class MasterKey {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    private final SecretBytes secret;

    private MasterKey(SecretBytes secret) {
        this.secret = secret;
    }

    /**
     * Parses the base64 text of a 32-byte key.
     *
     * @param setting the name of the setting it came from, for the error message (never the value)
     * @throws IllegalArgumentException if the text is not base64 of exactly 32 bytes
     */
    public static MasterKey fromBase64(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(setting + " must hold " + KEY_BYTES + " bytes (base64)");
            }
            return new MasterKey(SecretBytes.copyOf(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The AES-256 data key for {@code purpose}. */
    public AesKey deriveDataKey(String purpose) {
        return AesKey.of(OneStepKdf.hmacSha256().derive(secret, purpose.getBytes(StandardCharsets.UTF_8), KEY_BYTES));
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
