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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The services as separate processes on loopback (the SM-SR and the simulator, or all four: {@link Options}),
 * sharing a PKI made at test time (linked as {@code ./pki} into each working directory, the layout {@code rsp pki
 * init} writes) and one master key. Each service runs on its own free ports: the root CA imports the PKI's CI; the
 * SM-SR pushes to the simulator's SMS-C and notifies the SM-DP; the simulator registers its cards at the SM-SR's ES1
 * and opens ES5 sessions to its PSK-TLS listener; the SM-DP calls the SM-SR's ES3, directly or through a
 * {@link TamperingEs3Proxy} when {@link Options#es3Proxy()} asks for one. The processes start together and are
 * awaited together, so start-up takes as long as the slowest service.
 */
final class Platform implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * What a test class varies.
     *
     * @param allServices also start the root CA and the SM-DP (the SM-SR then notifies the SM-DP); without, only the
     *     SM-SR and the simulator run, which is all the card life-cycle tests need
     * @param es3Proxy put a {@link TamperingEs3Proxy} between the SM-DP and the SM-SR
     * @param settings more command-line settings per service name, after the platform's own
     */
    record Options(boolean allServices, boolean es3Proxy, Map<String, List<String>> settings) {

        Options {
            settings = Map.copyOf(settings);
        }

        /** The SM-SR and the simulator. */
        static Options cardsOnly() {
            return new Options(false, false, Map.of());
        }

        /** All four services, the SM-DP calling the SM-SR directly. */
        static Options provisioning() {
            return new Options(true, false, Map.of());
        }

        /** All four services, the SM-DP calling the SM-SR through a tampering proxy. */
        static Options provisioningThroughProxy() {
            return new Options(true, true, Map.of());
        }

        /** These options with {@code arguments} added to {@code service}'s command line. */
        Options with(String service, String... arguments) {
            Map<String, List<String>> more = new HashMap<>(settings);
            List<String> list = new ArrayList<>(more.getOrDefault(service, List.of()));
            list.addAll(List.of(arguments));
            more.put(service, List.copyOf(list));
            return new Options(allServices, es3Proxy, more);
        }

        List<String> settingsOf(String service) {
            return settings.getOrDefault(service, List.of());
        }
    }

    private final TestPki pki;
    private final Database database;
    private final Options options;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private TamperingEs3Proxy proxy;
    final int rootCaPort;
    final int smdpPort;
    final int smsrPort;
    final int es5Port;
    final int simulatorPort;

    private Platform(TestPki pki, Database database, Options options) throws IOException {
        this.pki = pki;
        this.database = database;
        this.options = options;
        this.rootCaPort = freePort();
        this.smdpPort = freePort();
        this.smsrPort = freePort();
        this.es5Port = freePort();
        this.simulatorPort = freePort();
    }

    /** Starts the SM-SR and the simulator on {@code database}. */
    static Platform start(Database database) throws Exception {
        return start(database, Options.cardsOnly());
    }

    /** Starts the services {@code options} asks for on {@code database} and waits until every one is healthy. */
    static Platform start(Database database, Options options) throws Exception {
        Platform platform = new Platform(TestPki.create(), database, options);
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
        Map<ServiceProcess, URI> started = new LinkedHashMap<>();

        if (options.allServices()) {
            List<String> rootCaArguments = new ArrayList<>(List.of(
                    "--server.port=" + rootCaPort,
                    "--openrsp.ca.crl-url=" + rootCa().resolve("/crl"),
                    "--openrsp.ca.import-certificate=./pki/ci.crt",
                    "--openrsp.ca.import-key=./pki/ci.key"));
            rootCaArguments.addAll(database.settingsFor("root-ca-service"));
            started.put(start("root-ca-service", work, environment, rootCaArguments), rootCa());
        }

        List<String> smsrArguments = new ArrayList<>(List.of(
                "--server.port=" + smsrPort,
                "--openrsp.es5.port=" + es5Port,
                "--openrsp.smsc.url=" + simulator().resolve("/smsc/mt")));
        if (options.allServices()) {
            smsrArguments.add("--openrsp.smsr.smdp-notification-url=" + smdp());
        }
        smsrArguments.addAll(database.settingsFor("sm-sr-service"));
        started.put(start("sm-sr-service", work, environment, smsrArguments), smsr());

        if (options.allServices()) {
            URI es3Target = smsr();
            if (options.es3Proxy()) {
                proxy = TamperingEs3Proxy.start(pki.client("sm-sr"), client("sm-dp"), smsr());
                es3Target = proxy.uri();
            }
            List<String> smdpArguments =
                    new ArrayList<>(List.of("--server.port=" + smdpPort, "--openrsp.smdp.es3.smsr-url=" + es3Target));
            smdpArguments.addAll(database.settingsFor("sm-dp-service"));
            started.put(start("sm-dp-service", work, environment, smdpArguments), smdp());
        }

        List<String> simulatorArguments = new ArrayList<>(List.of(
                "--server.port=" + simulatorPort,
                "--openrsp.factory.smsr-url=" + smsr(),
                "--openrsp.management.expose-card-keys=true"));
        simulatorArguments.addAll(database.settingsFor("euicc-simulator"));
        started.put(start("euicc-simulator", work, environment, simulatorArguments), simulator());

        // All processes are running; waiting for them one after the other costs no more than the slowest one.
        for (Map.Entry<ServiceProcess, URI> service : started.entrySet()) {
            service.getKey().awaitHealthy(client("admin"), service.getValue(), START_TIMEOUT);
        }
    }

    private ServiceProcess start(String service, Path work, Map<String, String> environment, List<String> arguments)
            throws IOException {
        arguments.addAll(options.settingsOf(service));
        Path directory = Files.createDirectories(work.resolve(service));
        Files.createSymbolicLink(directory.resolve("pki"), pki.file("ci.crt").getParent());
        Path jar =
                Path.of(System.getProperty("openrsp.jar." + service, "../" + service + "/target/" + service + ".jar"));
        ServiceProcess process = ServiceProcess.start(service, jar, directory, environment, arguments);
        processes.add(process);
        return process;
    }

    URI rootCa() {
        return URI.create("https://127.0.0.1:" + rootCaPort);
    }

    URI smdp() {
        return URI.create("https://127.0.0.1:" + smdpPort);
    }

    URI smsr() {
        return URI.create("https://127.0.0.1:" + smsrPort);
    }

    URI simulator() {
        return URI.create("https://127.0.0.1:" + simulatorPort);
    }

    /** The proxy between the SM-DP and the SM-SR; only when {@link Options#es3Proxy()} asked for one. */
    TamperingEs3Proxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("this platform runs without an ES3 proxy");
        }
        return proxy;
    }

    /**
     * An HTTP client presenting {@code entity}'s certificate from the platform's PKI (e.g. "sm-dp", "admin",
     * "operator-1").
     */
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

    /** A file of the second, foreign PKI {@link TestPki} makes (its own CI, same entity names). */
    Path foreignFile(String name) {
        return pki.file("ci.crt").getParent().resolveSibling("foreign").resolve(name);
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
        if (proxy != null) {
            proxy.close();
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
