package io.openrsp.cli.platform;

import io.openrsp.crypto.pki.PkiBootstrap;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * DESIGN.md §2 and §9: what a platform directory needs before its services start: a PKI in {@code ./pki} (kept if
 * there is one, else written as {@code rsp pki init ./pki} does) and the master key {@code ./pki/master.key} (32
 * random bytes, base64, mode 0600) that every service seals its secrets under; on PostgreSQL, the services'
 * databases.
 *
 * <p>A new master key cannot open what an earlier one sealed: when either is created while {@code ./data} already
 * holds service databases, the set-up stops and says so, unless asked to start from an empty {@code ./data}.
 */
public final class PlatformSetup {

    /** What {@link #prepare} did. */
    public record Prepared(boolean pkiCreated, int pkiFiles, boolean masterKeyCreated, boolean dataCleared) {}

    private final PlatformLayout layout;
    private final Clock clock;
    private final SecureRandom random;

    public PlatformSetup(PlatformLayout layout, Clock clock, SecureRandom random) {
        this.layout = layout;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Creates what is missing.
     *
     * @param freshData delete {@code ./data} first (logs included), and on PostgreSQL drop the services' databases
     * @throws PlatformException {@code INCONSISTENT_STATE} if the PKI or master key would be new while databases
     *     exist; {@code IO_FAILED} if a file cannot be written
     */
    public Prepared prepare(boolean freshData) throws PlatformException {
        boolean pkiMissing = !Files.isRegularFile(layout.pki().resolve("ci.crt"));
        boolean keyMissing = !Files.isRegularFile(layout.masterKey());
        if (freshData) {
            deleteData();
        } else if ((pkiMissing || keyMissing) && hasDatabases()) {
            throw new PlatformException(
                    PlatformException.Reason.INCONSISTENT_STATE,
                    null,
                    layout.shown(layout.data()) + " holds service databases, but "
                            + (pkiMissing ? layout.shown(layout.pki()) : layout.shown(layout.masterKey()))
                            + " is missing: a new PKI and master key cannot open them. Restore it, or start"
                            + " afresh with --fresh (deletes " + layout.shown(layout.data()) + ")",
                    null);
        }
        int files = 0;
        if (pkiMissing) {
            try {
                files = PkiBootstrap.of(PkiBootstrap.Settings.defaults(), clock, random)
                        .init(layout.pki(), false)
                        .files()
                        .size();
            } catch (PkiException e) {
                throw new PlatformException(
                        PlatformException.Reason.IO_FAILED, null, "rsp pki init: " + e.getMessage(), null, e);
            }
        }
        if (keyMissing) {
            writeMasterKey();
        }
        if (layout.database().isPostgres()) {
            layout.database().prepare(freshData);
        }
        return new Prepared(pkiMissing, files, keyMissing, freshData);
    }

    private boolean hasDatabases() throws PlatformException {
        if (layout.database().isPostgres()) {
            return layout.database().anyExists();
        }
        return Arrays.stream(PlatformService.values()).anyMatch(s -> Files.isDirectory(layout.database(s)));
    }

    private void writeMasterKey() throws PlatformException {
        try {
            MasterKeyFile.create(layout.masterKey(), random);
        } catch (IOException e) {
            throw new PlatformException(
                    PlatformException.Reason.IO_FAILED,
                    null,
                    "cannot write " + layout.shown(layout.masterKey()),
                    null,
                    e);
        }
    }

    private void deleteData() throws PlatformException {
        if (!Files.exists(layout.data())) {
            return;
        }
        try (Stream<Path> paths = Files.walk(layout.data())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new PlatformException(
                    PlatformException.Reason.IO_FAILED, null, "cannot delete " + layout.shown(layout.data()), null, e);
        }
    }
}
