package io.openrsp.cli;

import io.openrsp.cli.platform.PlatformLayout;
import io.openrsp.cli.platform.PlatformProcesses;
import io.openrsp.cli.platform.PlatformService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rsp stop}: stops the services that {@code ./data/run/<service>.pid} names, when the process there still runs
 * that service's jar (a platform left running by {@code rsp demo --keep-running} or {@code rsp restart}); never any
 * other process.
 */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop the platform's services named in ./data/run/*.pid (SIGTERM, then SIGKILL after 10 s).")
final class StopCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Platform directory holding pki/ and data/ (default: the current directory).")
    Path directory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlatformLayout layout = PlatformLayout.of(directory);
        Set<ProcessHandle> running = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            PlatformProcesses.running(layout, service).ifPresent(process -> {
                running.add(process);
                names.add(service + " (pid " + process.pid() + ")");
            });
        }
        if (running.isEmpty()) {
            out.println("no platform service is running in " + layout.directory());
        } else {
            out.println("stopping " + String.join(", ", names));
            out.flush();
            PlatformProcesses.stop(running);
            out.println("stopped");
        }
        for (PlatformService service : PlatformService.values()) {
            try {
                Files.deleteIfExists(layout.pidFile(service));
            } catch (IOException e) {
                // harmless: a pid file is checked against the process it names before use
            }
        }
        out.flush();
        return 0;
    }
}
