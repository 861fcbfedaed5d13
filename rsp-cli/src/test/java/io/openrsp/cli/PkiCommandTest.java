package io.openrsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void initWhenDirectoryEmptyThenWritesCiServiceAndClientFiles() throws Exception {
        int exit = run("pki", "init", dir.toString());

        assertThat(exit).isZero();
        assertThat(dir.resolve("ci.crt")).exists();
        assertThat(dir.resolve("trust-bundle.pem")).exists();
        assertThat(dir.resolve("ci.crl")).exists();
        for (String name : new String[] {"sm-dp", "sm-sr", "eum", "operator-1", "admin"}) {
            assertThat(dir.resolve(name + ".crt")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name + ".key"))))
                    .isEqualTo("rw-------");
        }
        assertThat(out.toString()).contains("PKI written to").contains("sm-sr.crt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder()
                        .decode(Files.readString(dir.resolve("master.key")).strip()))
                .hasSize(32);
    }

    @Test
    void initWhenPkiExistsThenRefusesAndKeepsIt() throws Exception {
        run("pki", "init", dir.toString());
        String ciBefore = Files.readString(dir.resolve("ci.crt"));

        int exit = run("pki", "init", dir.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("already exists").contains("force");
        assertThat(Files.readString(dir.resolve("ci.crt"))).isEqualTo(ciBefore);
    }

    @Test
    void initWhenForceThenReplacesThePki() throws Exception {
        run("pki", "init", dir.toString());
        String ciBefore = Files.readString(dir.resolve("ci.crt"));

        int exit = run("pki", "init", "--force", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("ci.crt"))).isNotEqualTo(ciBefore);
    }

    @Test
    void initWhenForceThenKeepsTheMasterKey() throws Exception {
        run("pki", "init", dir.toString());
        String keyBefore = Files.readString(dir.resolve("master.key"));

        int exit = run("pki", "init", "--force", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("master.key"))).isEqualTo(keyBefore);
        assertThat(out.toString()).contains("(master.key kept)");
    }

    private int run(String... args) {
        var cli = Rsp.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
