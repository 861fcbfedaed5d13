package io.openrsp.ca.cas;

import io.openrsp.ca.config.CaProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Reads the master key from the environment variable {@value #ENV} or the file named by
 * {@code OPENRSP_MASTER_KEY_FILE} ({@code openrsp.ca.master-key-file}); a missing or malformed key fails
 * start-up with the setting's name and never its value.
 */
public final class MasterKeyLoader {

    public static final String ENV = "OPENRSP_MASTER_KEY";
    public static final String FILE_ENV = "OPENRSP_MASTER_KEY_FILE";
    public static final String FILE_SETTING = "OPENRSP_MASTER_KEY_FILE (openrsp.ca.master-key-file)";

    private MasterKeyLoader() {}

    public static MasterKey load(Environment environment, CaProperties properties) {
        String inline = environment.getProperty(ENV);
        if (inline != null && !inline.isBlank()) {
            return MasterKey.fromBase64(inline, ENV);
        }
        String fileEnv = environment.getProperty(FILE_ENV);
        Path file = fileEnv != null && !fileEnv.isBlank() ? Path.of(fileEnv) : properties.masterKeyFile();
        if (file != null) {
            try {
                return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), FILE_SETTING);
            } catch (IOException e) {
                throw new IllegalStateException(FILE_SETTING + ": cannot read " + file, e);
            }
        }
        throw new IllegalStateException(
                "no master key: set " + ENV + " (base64, 32 bytes) or " + FILE_SETTING + " to seal the CA key");
    }
}
