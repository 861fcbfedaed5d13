package io.openrsp.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.seal.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSetupTest {

    @TempDir
    Path dir;

    private PlatformLayout layout() {
        return new PlatformLayout(dir, dir, Path.of("java"), PlatformPorts.defaults(), PlatformDatabase.embedded());
    }

    private PlatformSetup setup() {
        return new PlatformSetup(layout(), Clock.systemUTC(), new SecureRandom());
    }

    @Test
    void prepareWhenEmptyThenWritesPkiAndAMasterKeyOnlyTheOwnerReads() throws Exception {
        var prepared = setup().prepare(false);

        assertThat(prepared.pkiCreated()).isTrue();
        assertThat(prepared.masterKeyCreated()).isTrue();
        assertThat(dir.resolve("pki/ci.crt")).exists();
        assertThat(dir.resolve("pki/operator-1.key")).exists();
        Path key = dir.resolve("pki/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        // The services read it with MasterKey.load: base64 of 32 bytes.
        assertThat(MasterKey.load(name -> null, key)).isNotNull();
    }

    @Test
    void prepareWhenPkiAndKeyExistThenKeepsBoth() throws Exception {
        setup().prepare(false);
        String ci = Files.readString(dir.resolve("pki/ci.crt"));
        String key = Files.readString(dir.resolve("pki/master.key"));

        var prepared = setup().prepare(false);

        assertThat(prepared.pkiCreated()).isFalse();
        assertThat(prepared.masterKeyCreated()).isFalse();
        assertThat(Files.readString(dir.resolve("pki/ci.crt"))).isEqualTo(ci);
        assertThat(Files.readString(dir.resolve("pki/master.key"))).isEqualTo(key);
    }

    @Test
    void prepareWhenDatabasesExistButMasterKeyMissingThenRefusesAndWritesNothing() throws Exception {
        setup().prepare(false);
        Files.delete(dir.resolve("pki/master.key"));
        Files.createDirectories(dir.resolve("data/sm-sr-service"));

        assertThatThrownBy(() -> setup().prepare(false))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.reason()).isEqualTo(PlatformException.Reason.INCONSISTENT_STATE))
                .hasMessageContaining("./pki/master.key is missing")
                .hasMessageContaining("--fresh");
        assertThat(dir.resolve("pki/master.key")).doesNotExist();
    }

    @Test
    void prepareWhenFreshThenDeletesDataAndGoesOn() throws Exception {
        Files.createDirectories(dir.resolve("data/sm-sr-service"));
        Files.writeString(dir.resolve("data/sm-sr-service/sm-sr.mv.db"), "x");

        var prepared = setup().prepare(true);

        assertThat(prepared.dataCleared()).isTrue();
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("pki/master.key")).exists();
    }
}
