package io.openrsp.cli;

import io.openrsp.cli.client.ClientException;
import io.openrsp.cli.client.Es2Client;
import io.openrsp.cli.client.HttpsClients;
import io.openrsp.cli.client.InventoryClient;
import io.openrsp.cli.client.Order;
import io.openrsp.cli.client.SimulatorClient;
import io.openrsp.cli.platform.PlatformPorts;
import io.openrsp.cli.platform.PlatformService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rsp bench}: load on a running platform ({@code rsp demo --keep-running}). Makes N cards on the simulator, N
 * demo profiles on the SM-DP, then places N ES2 DownloadProfile orders with enable, C at a time, following each with
 * long polls until it ends. Writes {@code bench.json} and prints a table: client-side latency, each step's duration
 * as the SM-DP measured it, the steps over the threshold, the first failures.
 *
 * <p>Exit codes: 0 every order completed; 1 errors, or the platform could not be reached; 2 a usage error.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a running platform (./rsp demo --keep-running): N cards, N demo profiles, N ES2 DownloadProfile "
                    + "orders with enable, C at a time.",
            "Writes <out>/bench.json and prints latency and step percentiles. Exit 0 when every order completed."
        })
final class BenchCommand implements Callable<Integer> {

    static final int MAX_CONCURRENCY = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", required = true, paramLabel = "N", description = "Orders to place (at least 1).")
    int n;

    @Option(
            names = "-c",
            paramLabel = "C",
            defaultValue = "1",
            description = "Orders in flight at once, 1 to " + MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "bench-report",
            description = "Where bench.json goes (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--threshold-ms",
            paramLabel = "MS",
            defaultValue = "5000",
            description = "A step whose p95 exceeds this is a bottleneck (default: ${DEFAULT-VALUE}).")
    long thresholdMillis;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            defaultValue = "8440",
            description = "The platform's base port, as given to rsp demo (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--profile-type",
            paramLabel = "TYPE",
            defaultValue = "demo",
            description = "Profile type to generate and order (default: ${DEFAULT-VALUE}).")
    String profileType;

    @Option(
            names = "--pki",
            paramLabel = "DIR",
            defaultValue = "pki",
            description = "Directory with admin.*, operator-1.* and trust-bundle.pem (default: ./pki).")
    Path pki;

    @Option(
            names = "--order-timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How long one order may take (default: ${DEFAULT-VALUE}).")
    int orderTimeoutSeconds;

    /** How one order ended, as the client saw it. */
    record Outcome(String orderId, boolean completed, long latencyMillis, Order order, BenchReport.Failure failure) {}

    @Override
    public Integer call() throws InterruptedException {
        PlatformPorts ports = validate();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant startedAt = Instant.now();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Duration orderPhase;
        try {
            HttpClient admin = HttpsClients.client(HttpsClients.Identity.inPki(pki, "admin"));
            var operatorIdentity = HttpsClients.Identity.inPki(pki, "operator-1");
            var es2 = new Es2Client(
                    HttpsClients.client(operatorIdentity),
                    ports.url(PlatformService.SM_DP),
                    HttpsClients.commonName(operatorIdentity.certificate()),
                    Clock.systemUTC());

            Instant start = Instant.now();
            var simulator = new SimulatorClient(admin, ports.url(PlatformService.EUICC_SIMULATOR));
            List<SimulatorClient.CreatedCard> cards = new ArrayList<>(n);
            while (cards.size() < n) {
                cards.addAll(simulator.createCards(Math.min(SimulatorClient.BATCH, n - cards.size())));
            }
            err.println("rsp bench: " + n + " cards made in " + Report.duration(since(start)));
            start = Instant.now();
            new InventoryClient(admin, ports.url(PlatformService.SM_DP)).generateDemo(profileType, n);
            err.println("rsp bench: " + n + " profiles of type " + profileType + " generated in "
                    + Report.duration(since(start)));
            err.flush();

            Instant orderStart = Instant.now();
            var progress = new Progress(err, n, stderrIsTerminal());
            Semaphore inFlight = new Semaphore(concurrency);
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (SimulatorClient.CreatedCard card : cards) {
                    if (!card.registered()) {
                        var why = card.registrationFailure();
                        Outcome outcome = new Outcome(
                                null,
                                false,
                                0,
                                null,
                                new BenchReport.Failure(
                                        null,
                                        "CARD_REGISTRATION",
                                        why == null ? "NOT_REGISTERED" : why.reason(),
                                        "card " + card.eid() + (why == null ? "" : ": " + why.detail())));
                        outcomes.add(outcome);
                        progress.ended(false);
                        continue;
                    }
                    inFlight.acquire();
                    executor.submit(() -> {
                        try {
                            Outcome outcome = order(es2, card.eid());
                            outcomes.add(outcome);
                            progress.ended(outcome.completed());
                            return null;
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            orderPhase = since(orderStart);
            progress.done();
        } catch (ClientException e) {
            err.println("rsp bench: " + e.getMessage());
            err.flush();
            return 1;
        }
        BenchReport report = report(startedAt, since(startedAt), orderPhase, List.copyOf(outcomes));
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("bench.json"), report.toJson() + System.lineSeparator());
        } catch (IOException e) {
            err.println("rsp bench: cannot write " + out.resolve("bench.json") + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        report.table().forEach(stdout::println);
        stdout.println("report: " + out.resolve("bench.json"));
        stdout.flush();
        return report.errors() == 0 ? 0 : 1;
    }

    /** Places one order and follows it to its end. */
    private Outcome order(Es2Client es2, String eid) throws InterruptedException {
        Instant begin = Instant.now();
        String orderId = null;
        try {
            orderId = es2.downloadProfile(new Es2Client.Download(eid, null, profileType, true))
                    .orderId();
            Order order = es2.awaitFinal(orderId, Duration.ofSeconds(orderTimeoutSeconds));
            long latency = since(begin).toMillis();
            if (order.isCompleted()) {
                return new Outcome(orderId, true, latency, order, null);
            }
            Order.Failure why = order.failure();
            return new Outcome(
                    orderId,
                    false,
                    latency,
                    order,
                    why == null
                            ? new BenchReport.Failure(orderId, null, order.state(), "the SM-DP gives no reason")
                            : new BenchReport.Failure(orderId, why.step(), why.reason(), why.message()));
        } catch (ClientException e) {
            return new Outcome(
                    orderId,
                    false,
                    since(begin).toMillis(),
                    null,
                    new BenchReport.Failure(
                            orderId,
                            orderId == null ? "DOWNLOAD_PROFILE" : "AWAIT_ORDER",
                            e.reason().name(),
                            e.getMessage()));
        }
    }

    /** The report of the outcomes; latency over the orders that reached a final state. */
    BenchReport report(Instant startedAt, Duration elapsed, Duration orderPhase, List<Outcome> outcomes) {
        List<Long> latencies = new ArrayList<>();
        Map<String, List<Long>> stepDurations = new LinkedHashMap<>();
        List<BenchReport.Failure> failures = new ArrayList<>();
        int completed = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.order() != null) {
                latencies.add(outcome.latencyMillis());
                for (Order.Step step : outcome.order().steps()) {
                    if (step.durationMillis() != null) {
                        stepDurations
                                .computeIfAbsent(step.name(), name -> new ArrayList<>())
                                .add(step.durationMillis());
                    }
                }
            }
            if (outcome.completed()) {
                completed++;
            } else if (outcome.failure() != null) {
                failures.add(outcome.failure());
            }
        }
        Map<String, Percentiles.Summary> steps = new LinkedHashMap<>();
        stepDurations.forEach((name, values) -> steps.put(name, new Percentiles(values).summary()));
        double orderSeconds = orderPhase.toNanos() / 1e9;
        return new BenchReport(
                n,
                concurrency,
                startedAt.toString(),
                Math.round(elapsed.toMillis() / 10.0) / 100.0,
                n - completed,
                orderSeconds > 0 ? Math.round(completed / orderSeconds * 100) / 100.0 : 0,
                new Percentiles(latencies).summary(),
                steps,
                BenchReport.bottlenecks(steps, thresholdMillis),
                failures);
    }

    /** Checks the options beyond what picocli checks; usage errors exit 2. */
    PlatformPorts validate() {
        if (n < 1) {
            throw usage("-n must be at least 1, got " + n);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw usage("-c must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (thresholdMillis < 0) {
            throw usage("--threshold-ms must not be negative");
        }
        if (profileType.isBlank()) {
            throw usage("--profile-type must not be blank");
        }
        if (orderTimeoutSeconds < 1) {
            throw usage("--order-timeout must be at least 1 second");
        }
        try {
            return new PlatformPorts(basePort);
        } catch (IllegalArgumentException e) {
            throw usage("--base-port: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Whether the progress may be rewritten in place. {@code Console.isTerminal()} (JDK 22+, looked up as the code
     * targets 21) since a newer JDK has a console even when redirected; on 21, having a console means a terminal.
     */
    static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    /**
     * The progress line on stderr: on a terminal rewritten in place at most 4 times a second; otherwise a plain line
     * at every 10 % of the orders.
     */
    static final class Progress {
        private static final long MIN_INTERVAL_NANOS = 250_000_000L;

        private final PrintWriter err;
        private final int total;
        private final boolean terminal;
        private int completed;
        private int failed;
        private long lastShown = System.nanoTime() - MIN_INTERVAL_NANOS;
        private int lastDecile;

        Progress(PrintWriter err, int total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.terminal = terminal;
        }

        synchronized void ended(boolean ok) {
            if (ok) {
                completed++;
            } else {
                failed++;
            }
            int ended = completed + failed;
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastShown >= MIN_INTERVAL_NANOS || ended == total) {
                    lastShown = now;
                    err.print("\r" + line());
                    err.flush();
                }
            } else {
                int decile = (int) (ended * 10L / total);
                if (decile > lastDecile) {
                    lastDecile = decile;
                    err.println(line());
                    err.flush();
                }
            }
        }

        synchronized void done() {
            if (terminal) {
                err.print("\r" + line());
                err.println();
                err.flush();
            }
        }

        synchronized String line() {
            return "orders: " + completed + " completed, " + failed + " failed of " + total;
        }
    }
}
