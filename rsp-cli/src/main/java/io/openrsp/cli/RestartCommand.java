package io.openrsp.cli;

import io.openrsp.cli.client.ClientException;
import io.openrsp.cli.client.HttpsClients;
import io.openrsp.cli.platform.PlatformException;
import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformProcesses;
import io.openrsp.cli.platform.PlatformService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rsp restart <service>}: (re)starts one service of a platform that {@code rsp demo --keep-running} runs in the
 * platform directory, e.g. after it crashed. Stops the process its pid file names if that still runs the service,
 * starts a new one with the same settings (its output appended to the log), waits until it is healthy, and leaves it
 * running; {@code rsp demo}'s Ctrl-C and {@code rsp stop} stop it too.
 */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = {
            "Restart one service of the platform in the platform directory (after a crash, say) and wait until it "
                    + "is healthy; it keeps running after this command ends.",
            "Services: root-ca-service, sm-dp-service, sm-sr-service, euicc-simulator."
        })
final class RestartCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service's name.")
    String name;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Platform directory holding pki/ and data/ (default: the current directory).")
    Path directory;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "How long the service may take to become healthy (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlatformService service = PlatformService.named(name)
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown service " + name + "; one of " + String.join(", ", PlatformService.names())));
        PlatformLayout layout = PlatformLayout.of(directory);
        Instant begin = Instant.now();
        PlatformProcesses.running(layout, service).ifPresent(old -> {
            out.println("stopping " + service + " (pid " + old.pid() + ")");
            out.flush();
            PlatformProcesses.stop(Set.of(old));
        });
        PlatformProcesses processes = new PlatformProcesses(layout, out);
        PlatformProcesses.Started started = null;
        try {
            var admin = HttpsClients.client(HttpsClients.Identity.inPki(layout.pki(), "admin"));
            marker(layout.log(service));
            started = processes.start(service, true);
            out.println("started " + service + " (pid " + started.pid() + "), waiting until healthy...");
            out.flush();
            processes.awaitHealthy(started, admin, Duration.ofSeconds(startTimeoutSeconds));
            out.println(Report.line(
                    service + " healthy",
                    layout.ports().url(service) + "  pid " + started.pid() + "  log "
                            + layout.shown(layout.log(service)),
                    Duration.between(begin, Instant.now())));
            out.flush();
            return 0;
        } catch (PlatformException e) {
            err.println("rsp restart: " + e.getMessage());
            if (e.logTail() != null) {
                err.println("----- last " + PlatformProcesses.DIAGNOSIS_LINES + " lines of "
                        + layout.shown(layout.log(service)) + " -----");
                err.println(e.logTail());
                err.println("-----");
            }
            if (started != null) {
                PlatformProcesses.stop(Set.of(started.process().toHandle()));
            }
            err.flush();
            return 1;
        } catch (ClientException e) {
            err.println("rsp restart: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Marks in the log where the restarted process's output begins. */
    private static void marker(Path log) throws PlatformException {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    System.lineSeparator() + "----- rsp restart at " + Instant.now() + " -----"
                            + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new PlatformException(PlatformException.Reason.IO_FAILED, null, "cannot write " + log, null, e);
        }
    }
}
