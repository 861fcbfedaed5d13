package io.openrsp.cli.platform;

import io.openrsp.crypto.seal.MasterKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The platform's services as operating-system processes, the way an operator runs them: {@code java -jar
 * <service>-exec.jar} in the platform directory, output to {@code ./data/logs/<service>.log}, the pid in
 * {@code ./data/run/<service>.pid}.
 *
 * <p>Stopping ({@link #close()}, also on Ctrl-C through {@link #installShutdownHook}) ends the processes this object
 * started, and a process that {@code rsp restart} started in place of one of them (its pid file names it and its
 * command line runs that service's jar); never any other process. A stop is SIGTERM (Spring Boot's graceful
 * shutdown), then SIGKILL after {@link #STOP_GRACE}.
 */
public final class PlatformProcesses implements AutoCloseable {

    /** How long a service gets to end after SIGTERM. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** Log lines shown in a diagnosis. */
    public static final int DIAGNOSIS_LINES = 30;

    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);

    /** One started service. */
    public record Started(PlatformService service, Process process, Path log, Instant startedAt) {
        public long pid() {
            return process.pid();
        }
    }

    private final PlatformLayout layout;
    private final PrintWriter out;
    private final List<Started> started = new ArrayList<>();
    private volatile boolean closing;

    /** @param out where stopping is reported */
    public PlatformProcesses(PlatformLayout layout, PrintWriter out) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Checks that every port of {@code service} is free.
     *
     * @throws PlatformException {@code PORT_IN_USE} naming the port and the service, and the platform process left
     *     running there if the pid file names one
     */
    public void requireFreePorts(PlatformService service) throws PlatformException {
        for (PlatformPorts.Port port : layout.ports().of(service)) {
            if (!isFree(port.number())) {
                String holder = running(layout, service)
                        .map(p -> "; " + layout.shown(layout.pidFile(service)) + " names pid " + p.pid() + ", a "
                                + service + " still running: stop it with ./rsp stop")
                        .orElse("; stop the process that listens there (e.g. ss -ltnp 'sport = :" + port.number()
                                + "')");
                throw new PlatformException(
                        PlatformException.Reason.PORT_IN_USE,
                        service,
                        "port " + port.number() + " (" + service + " " + port.purpose() + ") is in use" + holder,
                        null);
            }
        }
    }

    /**
     * Launches {@code service} (after {@link #requireFreePorts}); returns at once, see {@link #awaitHealthy}.
     *
     * @param appendLog add to the service's log instead of starting it afresh
     */
    public Started start(PlatformService service, boolean appendLog) throws PlatformException {
        Path jar = layout.jar(service);
        requireFreePorts(service);
        Path log = layout.log(service);
        List<String> command = new ArrayList<>();
        command.add(layout.java().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(layout.ports().arguments(service));
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(layout.pidFile(service).getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            appendLog
                                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                    : ProcessBuilder.Redirect.to(log.toFile()));
            // Every service reads the one master key from the file, whatever the caller's environment holds.
            builder.environment().remove(MasterKey.ENV);
            builder.environment().put(MasterKey.FILE_ENV, layout.masterKey().toString());
            builder.environment().putAll(layout.database().environment(service));
            Process process;
            synchronized (this) {
                if (closing) {
                    throw new PlatformException(
                            PlatformException.Reason.IO_FAILED, service, "the platform is stopping", null);
                }
                process = builder.start();
                started.add(new Started(service, process, log, Instant.now()));
            }
            Files.writeString(layout.pidFile(service), process.pid() + "\n", StandardCharsets.US_ASCII);
            return started.getLast();
        } catch (IOException e) {
            throw new PlatformException(
                    PlatformException.Reason.IO_FAILED,
                    service,
                    "cannot start " + service + ": " + e.getMessage(),
                    null,
                    e);
        }
    }

    /**
     * Waits until {@code GET /actuator/health} answers 200 with status UP (the services want a client certificate
     * there too, hence {@code client}).
     *
     * @throws PlatformException {@code EXITED} at once if the process ends, {@code NOT_HEALTHY} after
     *     {@code timeout}; both with the end of the log
     */
    public void awaitHealthy(Started service, HttpClient client, Duration timeout)
            throws PlatformException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = layout.ports().url(service.service()).resolve("/actuator/health");
        HttpRequest request =
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!service.process().isAlive()) {
                throw new PlatformException(
                        PlatformException.Reason.EXITED,
                        service.service(),
                        service.service() + " (pid " + service.pid() + ") exited with status "
                                + service.process().exitValue() + " while starting"
                                + lastCause(service.log())
                                        .map(cause -> "; " + cause)
                                        .orElse(""),
                        logTail(service.log(), DIAGNOSIS_LINES));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // not listening yet, or still starting its TLS connector: ask again
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new PlatformException(
                        PlatformException.Reason.NOT_HEALTHY,
                        service.service(),
                        service.service() + " (pid " + service.pid() + ") did not report healthy on " + health
                                + " within " + timeout.toSeconds() + " s",
                        logTail(service.log(), DIAGNOSIS_LINES));
            }
            service.process().waitFor(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Calls {@code listener} when a started process ends other than by {@link #close()}. */
    public void onUnexpectedExit(Started service, Consumer<Started> listener) {
        service.process().onExit().thenRun(() -> {
            if (!closing) {
                listener.accept(service);
            }
        });
    }

    /** Stops everything at JVM exit, Ctrl-C (SIGINT) and SIGTERM included. */
    public void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "rsp-platform-stop"));
    }

    /**
     * The process {@code service}'s pid file names, if it is alive and runs that service's jar: one this platform
     * started (by {@code rsp demo} or {@code rsp restart}).
     */
    public static Optional<ProcessHandle> running(PlatformLayout layout, PlatformService service) {
        Path pidFile = layout.pidFile(service);
        long pid;
        try {
            pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> runsJarOf(handle, service));
    }

    /** Whether the process's command line is {@code java ... -jar .../<service>-<version>-exec.jar ...}. */
    static boolean runsJarOf(ProcessHandle handle, PlatformService service) {
        Optional<String[]> arguments = handle.info().arguments();
        if (arguments.isEmpty()) {
            return false;
        }
        String[] args = arguments.get();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-jar")) {
                String jar = Path.of(args[i + 1]).getFileName().toString();
                return jar.startsWith(service.moduleName() + "-") && jar.endsWith("-exec.jar");
            }
        }
        return false;
    }

    /**
     * Stops {@code processes} together: SIGTERM to all, then SIGKILL to those still alive after {@link #STOP_GRACE}.
     */
    public static void stop(Set<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle process : processes) {
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                process.onExit().get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the started services and those restarted in their place; removes their pid files. Idempotent. */
    @Override
    public void close() {
        List<Started> mine;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            mine = List.copyOf(started);
        }
        Set<ProcessHandle> toStop = new LinkedHashSet<>();
        Set<PlatformService> services = new LinkedHashSet<>();
        for (Started service : mine) {
            services.add(service.service());
            if (service.process().isAlive()) {
                toStop.add(service.process().toHandle());
            }
        }
        for (PlatformService service : services) {
            running(layout, service).ifPresent(toStop::add);
        }
        if (!toStop.isEmpty()) {
            out.println("stopping "
                    + String.join(
                            ", ",
                            services.stream().map(PlatformService::moduleName).toList()) + " ...");
            out.flush();
            stop(toStop);
        }
        for (PlatformService service : services) {
            try {
                Files.deleteIfExists(layout.pidFile(service));
            } catch (IOException e) {
                // a stale pid file is harmless: running() checks the process behind it
            }
        }
        if (!toStop.isEmpty()) {
            out.println("platform stopped");
            out.flush();
        }
    }

    /** The last {@code Caused by:} line of a log: the root cause of a failed start. */
    static Optional<String> lastCause(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.startsWith("Caused by: "))
                    .reduce((first, second) -> second);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The last {@code lines} lines of {@code log}. */
    public static String logTail(Path log, int lines) {
        try {
            // Decoded leniently: a log may end in the middle of a character.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getClass().getSimpleName() + ")";
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
