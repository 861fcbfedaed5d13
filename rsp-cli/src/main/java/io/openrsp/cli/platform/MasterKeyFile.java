package io.openrsp.cli.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * DESIGN.md §9: the master key file every service seals its secrets under ({@code master-key-file}, or
 * {@code OPENRSP_MASTER_KEY_FILE}): 32 random bytes, base64, one line, mode 0600.
 */
public final class MasterKeyFile {

    public static final String NAME = "master.key";

    private MasterKeyFile() {}

    /**
     * Writes a new key to {@code file}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if there is one already (a new key cannot open what the old
     *     one sealed)
     */
    public static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(key, (byte) 0);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
