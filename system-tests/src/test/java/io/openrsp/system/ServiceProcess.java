package io.openrsp.system;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's executable jar running as its own operating-system process, the way an operator runs it: its own
 * working directory (where {@code ./pki} and {@code ./data} resolve), its log in a file, settings as command-line
 * arguments and the master key in the environment.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar <jar> <arguments>} in {@code workingDirectory}. */
    static ServiceProcess start(
            String name, Path jar, Path workingDirectory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": executable jar " + jar + " is missing (run the package phase)");
        }
        Files.createDirectories(workingDirectory);
        Path log = workingDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(name, builder.start(), log);
    }

    /**
     * Waits until {@code GET /actuator/health} answers 200 with status UP; fails at once if the process exits, and
     * after {@code timeout} with the end of the log.
     */
    void awaitHealthy(HttpClient client, URI base, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " during start-up:\n" + logTail(60));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port is not open yet: poll again
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + ":\n" + logTail(60));
    }

    /** The last {@code lines} lines of the service's log, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String name() {
        return name;
    }

    /** Graceful stop (SIGTERM), then a forced one if the service has not ended after 20 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
