package io.openrsp.crypto.seal;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.kdf.OneStepKdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * DESIGN.md §5 and §9 at-rest key hierarchy: the 32-byte master key given by the operator, from which one
 * AES-256 data key is derived per purpose with the NIST SP 800-56C r2 one-step KDF (option 2, HMAC-SHA-256
 * with the default salt; FixedInfo = the purpose label in UTF-8). The master key itself never encrypts
 * anything; {@link Sealer} seals with a derived key.
 *
 * <p>Every service takes the key from the same settings ({@link #load}): {@value #ENV} (base64), else the
 * file named by {@value #FILE_ENV}, else the service's default file. Error messages name the setting, never
 * the value. {@link #toString()} is redacted.
 */
public final class MasterKey {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    /** The setting (environment variable) that holds the key itself, base64. */
    public static final String ENV = "OPENRSP_MASTER_KEY";

    /** The setting (environment variable) that names a file holding the key, base64. */
    public static final String FILE_ENV = "OPENRSP_MASTER_KEY_FILE";

    private final SecretBytes secret;

    private MasterKey(SecretBytes secret) {
        this.secret = secret;
    }

    /**
     * Parses the base64 text of a 32-byte key (surrounding white space, such as a file's final newline, is
     * ignored).
     *
     * @param settingName the name of the setting it came from, for the error message (never the value)
     * @throws IllegalArgumentException if the text is not base64 of exactly 32 bytes
     */
    public static MasterKey fromBase64(String base64, String settingName) {
        Objects.requireNonNull(base64, settingName);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settingName + " is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(settingName + " must hold " + KEY_BYTES + " bytes (base64)");
            }
            return new MasterKey(SecretBytes.copyOf(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The key from the first of: the setting {@value #ENV}; the file named by the setting {@value #FILE_ENV};
     * {@code defaultFile} if it exists. Blank settings count as absent.
     *
     * @param settings looks a setting up by name (an environment, Spring's {@code Environment::getProperty});
     *     null when absent
     * @param defaultFile the service's own key file (e.g. {@code ./data/sm-sr/master-key}), or null for none
     * @throws IllegalStateException if none of them gives a key, or a named file cannot be read
     * @throws IllegalArgumentException if the key found is not base64 of 32 bytes
     */
    public static MasterKey load(UnaryOperator<String> settings, Path defaultFile) {
        Objects.requireNonNull(settings, "settings");
        String inline = settings.apply(ENV);
        if (inline != null && !inline.isBlank()) {
            return fromBase64(inline, ENV);
        }
        String named = settings.apply(FILE_ENV);
        if (named != null && !named.isBlank()) {
            return fromFile(Path.of(named.strip()), FILE_ENV);
        }
        if (defaultFile != null && Files.isRegularFile(defaultFile)) {
            return fromFile(defaultFile, "the master key file " + defaultFile);
        }
        throw new IllegalStateException("no master key: set " + ENV + " (base64 of " + KEY_BYTES + " bytes) or "
                + FILE_ENV + (defaultFile != null ? ", or create " + defaultFile : ""));
    }

    /** A fresh random key, for tests and for a service that creates its own default key file. */
    public static MasterKey generate(SecureRandom random) {
        return new MasterKey(SecretBytes.random(KEY_BYTES, random));
    }

    private static MasterKey fromFile(Path file, String settingName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // The path is not secret; the I/O cause may carry it too, nothing else.
            throw new IllegalStateException(settingName + ": cannot read " + file, e);
        }
        return fromBase64(text, settingName);
    }

    /** The AES-256 data key for {@code purpose}: OneStepKdf HMAC-SHA-256 (Z = master key, FixedInfo = purpose). */
    public AesKey deriveDataKey(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return AesKey.of(OneStepKdf.hmacSha256().derive(secret, purpose.getBytes(StandardCharsets.UTF_8), KEY_BYTES));
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
