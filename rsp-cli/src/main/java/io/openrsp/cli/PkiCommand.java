package io.openrsp.cli;

import io.openrsp.cli.platform.MasterKeyFile;
import io.openrsp.crypto.pki.PkiBootstrap;
import io.openrsp.crypto.pki.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rsp pki}: the platform's PKI for local runs and compose (DESIGN.md section 2). */
@Command(
        name = "pki",
        mixinStandardHelpOptions = true,
        description = "Manage the local PKI.",
        subcommands = {PkiCommand.Init.class})
final class PkiCommand {

    /** {@code rsp pki init <dir>}: a fresh CI and a certificate and key for every service and client. */
    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Create a fresh PKI in DIR: the CI (ci.crt, ci.key, ci.crl, trust-bundle.pem), a certificate and "
                        + "PKCS#8 key for each service and client, and the services' master.key when there is none; "
                        + "the files written are listed.",
                "Key files are written with mode 0600. An existing PKI is kept unless --force is given; an existing "
                        + "master.key is always kept (what the services sealed under it stays readable)."
            })
    static final class Init implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write (created if missing).")
        Path directory;

        @Option(
                names = "--force",
                description = "Replace an existing PKI in DIR (every certificate issued from it stops being trusted).")
        boolean force;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try {
                var result = PkiBootstrap.of(PkiBootstrap.Settings.defaults(), Clock.systemUTC(), new SecureRandom())
                        .init(directory, force);
                out.println("PKI written to " + result.directory().toAbsolutePath() + ":");
                result.files().forEach(file -> out.println("  " + file.getFileName()));
                Path masterKey = directory.resolve(MasterKeyFile.NAME);
                if (Files.exists(masterKey)) {
                    out.println("  (" + MasterKeyFile.NAME + " kept)");
                } else {
                    MasterKeyFile.create(masterKey, new SecureRandom());
                    out.println("  " + MasterKeyFile.NAME);
                }
                return 0;
            } catch (IOException e) {
                err.println("rsp pki init: cannot write " + directory.resolve(MasterKeyFile.NAME) + ": " + e);
                return 1;
            } catch (PkiException e) {
                err.println("rsp pki init: " + e.getMessage());
                return e.reason() == PkiException.Reason.PKI_EXISTS ? 3 : 1;
            }
        }
    }
}
