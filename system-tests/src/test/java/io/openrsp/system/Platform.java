package io.openrsp.system;

import io.openrsp.crypto.pki.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The SM-SR and the eUICC simulator as separate processes on loopback, sharing a PKI made at test time (linked as
 * {@code ./pki} into each working directory, the layout {@code rsp pki init} writes) and one master key. Each
 * service runs on its own free ports; the SM-SR pushes to the simulator's SMS-C and the simulator registers its cards
 * at the SM-SR's ES1 and opens ES5 sessions to its PSK-TLS listener.
 */
final class Platform implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final TestPki pki;
    private final Database database;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    final int smsrPort;
    final int es5Port;
    final int simulatorPort;

    private Platform(TestPki pki, Database database) throws IOException {
        this.pki = pki;
        this.database = database;
        this.smsrPort = freePort();
        this.es5Port = freePort();
        this.simulatorPort = freePort();
    }

    /** Starts both services on {@code database} and waits until both are healthy. */
    static Platform start(Database database) throws Exception {
        Platform platform = new Platform(TestPki.create(), database);
        try {
            platform.startServices();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startServices() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("openrsp.work", "target/system-tests")))
                .resolve(database + "-" + System.nanoTime());
        String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        Map<String, String> environment = Map.of("OPENRSP_MASTER_KEY", masterKey);

        List<String> smsrArguments = new ArrayList<>(List.of(
                "--server.port=" + smsrPort,
                "--openrsp.es5.port=" + es5Port,
                "--openrsp.smsc.url=" + simulator().resolve("/smsc/mt")));
        smsrArguments.addAll(database.settingsFor("sm-sr-service"));
        ServiceProcess smsr = start("sm-sr-service", work, environment, smsrArguments);

        List<String> simulatorArguments = new ArrayList<>(List.of(
                "--server.port=" + simulatorPort,
                "--openrsp.factory.smsr-url=" + smsr(),
                "--openrsp.management.expose-card-keys=true"));
        simulatorArguments.addAll(database.settingsFor("euicc-simulator"));
        ServiceProcess simulator = start("euicc-simulator", work, environment, simulatorArguments);

        smsr.awaitHealthy(client("admin"), smsr(), START_TIMEOUT);
        simulator.awaitHealthy(client("admin"), simulator(), START_TIMEOUT);
    }

    private ServiceProcess start(String service, Path work, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Path directory = Files.createDirectories(work.resolve(service));
        Files.createSymbolicLink(directory.resolve("pki"), pki.file("ci.crt").getParent());
        Path jar =
                Path.of(System.getProperty("openrsp.jar." + service, "../" + service + "/target/" + service + ".jar"));
        ServiceProcess process = ServiceProcess.start(service, jar, directory, environment, arguments);
        processes.add(process);
        return process;
    }

    URI smsr() {
        return URI.create("https://127.0.0.1:" + smsrPort);
    }

    URI simulator() {
        return URI.create("https://127.0.0.1:" + simulatorPort);
    }

    /** An HTTP client presenting {@code entity}'s certificate from the platform's PKI (e.g. "sm-dp", "admin"). */
    HttpClient client(String entity) {
        return clients.computeIfAbsent(entity, name -> {
            try {
                return HttpClient.newBuilder()
                        .sslContext(pki.client(name))
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    TestPki pki() {
        return pki;
    }

    /** The end of every service's log, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess process : processes) {
            text.append("----- ")
                    .append(process.name())
                    .append('\n')
                    .append(process.logTail(40))
                    .append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException, SQLException {
        for (ServiceProcess process : processes.reversed()) {
            process.close();
        }
        clients.values().forEach(HttpClient::close);
        database.close();
        pki.delete();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
