package io.openrsp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rsp} command: the platform's command line for users, operators and benchmarks. */
@Command(
        name = "rsp",
        mixinStandardHelpOptions = true,
        versionProvider = Rsp.Version.class,
        subcommands = {
            DemoCommand.class,
            ProvisionCommand.class,
            BenchCommand.class,
            RestartCommand.class,
            StopCommand.class,
            PkiCommand.class
        },
        description = "Open M2M eSIM Remote SIM Provisioning platform (GSMA SGP.02): run, provision, measure.")
public final class Rsp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Rsp());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rsp.class.getPackage().getImplementationVersion();
            return new String[] {"rsp " + (version == null ? "(development build)" : version)};
        }
    }
}
